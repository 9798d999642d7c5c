// Loads rule packs: every `<service>/<name>.yaml` under a pack folder, validated with the rule
// schema, its id checked against its path. Problems are diagnostics; the caller stops on errors.
import { existsSync, readdirSync, readFileSync, statSync } from 'node:fs';
import path from 'node:path';
import { diagnostic, type Diagnostic } from '../core/diagnostic.js';
import { packageRoot } from '../core/package-root.js';
import { loadValidatedYaml, registerSchema } from '../core/validated-yaml.js';
import { registerType } from '../model/canonical-type.js';
import type { Condition } from '../engine/condition.js';
import { parseFieldPath } from '../engine/field-path.js';
import { isAlias } from '../engine/alias.js';
import { checkJsonPath, isJsonPathField } from '../engine/json-path-field.js';
import { conditionSchema, ruleSchema } from './rule-schema.js';
import type { Rule, RuleDefault } from './rule.js';

registerSchema(conditionSchema);

export interface RuleFile {
  id: string;
  title: string;
  pillar: Rule['pillar'];
  severity: Rule['severity'];
  scope?: 'resource' | 'set';
  resourceType?: string | string[];
  when?: Condition;
  expect: Condition;
  defaults?: RuleDefault[];
  message?: string;
  rationale: string;
  remediation: Rule['remediation'];
  references: string[];
  frameworks: Rule['frameworks'];
  tags: string[];
}

export function builtinRulesDir(): string {
  return path.join(packageRoot(), 'rules');
}

export function loadRulePacks(dirs: string[]): { rules: Rule[]; diagnostics: Diagnostic[] } {
  const rules: Rule[] = [];
  const diagnostics: Diagnostic[] = [];
  const byId = new Map<string, Rule>();
  for (const dir of dirs) {
    if (!existsSync(dir) || !statSync(dir).isDirectory()) {
      diagnostics.push(diagnostic('rules/pack-not-found', 'error', `${dir}: no such rule pack folder; --rules takes a folder of <service>/<name>.yaml files`));
      continue;
    }
    const files = yamlFiles(dir);
    if (files.length === 0) {
      // A pack folder that is the wrong one (a typo'd subfolder that exists) would run no rule unseen.
      diagnostics.push(diagnostic('rules/pack-empty', 'error', `${dir}: the rule pack folder holds no rule; --rules takes a folder of <service>/<name>.yaml files`));
      continue;
    }
    for (const file of files) {
      const loaded = loadRuleFile(file, dir);
      diagnostics.push(...loaded.diagnostics);
      if (!loaded.rule) continue;
      const dup = byId.get(loaded.rule.id);
      if (dup) {
        diagnostics.push(diagnostic('rules/duplicate-id', 'error', `the rule id '${loaded.rule.id}' is also defined in ${dup.file}; ids must be unique`, { file, startLine: 1, startColumn: 1, endLine: 1, endColumn: 1 }));
        continue;
      }
      byId.set(loaded.rule.id, loaded.rule);
      rules.push(loaded.rule);
    }
  }
  rules.sort((a, b) => a.id.localeCompare(b.id));
  return { rules, diagnostics };
}

export function loadRuleFile(file: string, packDir: string): { rule?: Rule; diagnostics: Diagnostic[] } {
  const text = readFileSync(file, 'utf8');
  const loaded = loadValidatedYaml<RuleFile>(file, text, ruleSchema, 'rules');
  const diagnostics = [...loaded.diagnostics];
  const raw = loaded.value;
  if (!raw) return { diagnostics };
  const rel = path.relative(packDir, file).split(path.sep).join('/').replace(/\.ya?ml$/i, '');
  if (raw.id !== rel) {
    diagnostics.push(diagnostic('rules/id-mismatch', 'error', `the id '${raw.id}' must match the file's path '${rel}' (rules/<service>/<name>.yaml)`, loaded.locate(['id'])));
  }
  for (const [where, cond] of [['when', raw.when], ['expect', raw.expect]] as const) {
    if (cond) checkFields(cond, [where], (msg, p) => diagnostics.push(diagnostic('rules/invalid-field', 'error', msg, loaded.locate(p))));
  }
  if (diagnostics.some((d) => d.severity === 'error')) return { diagnostics };
  const resourceTypes = raw.resourceType === undefined ? [] : [raw.resourceType].flat();
  resourceTypes.forEach(registerType);
  const rule: Rule = {
    id: raw.id,
    title: raw.title,
    pillar: raw.pillar,
    severity: raw.severity,
    scope: raw.scope ?? 'resource',
    resourceTypes,
    expect: raw.expect,
    defaults: raw.defaults ?? [],
    rationale: raw.rationale.trim(),
    remediation: raw.remediation,
    references: raw.references,
    frameworks: raw.frameworks,
    tags: raw.tags,
    file,
  };
  if (raw.when) rule.when = raw.when;
  if (raw.message) rule.message = raw.message;
  return { rule, diagnostics };
}

/** Field paths are checked when the pack loads, not when a resource happens to reach them. */
function checkFields(c: Condition, at: (string | number)[], report: (msg: string, path: (string | number)[]) => void): void {
  if (c.field !== undefined && isJsonPathField(c.field)) {
    const error = checkJsonPath(c.field);
    if (error) report(`${at.join('.')}.field: ${error}`, [...at, 'field']);
  } else if (c.field !== undefined && !isAlias(c.field) && !c.field.startsWith('[')) {
    const p = parseFieldPath(c.field);
    if (typeof p === 'string') report(`${at.join('.')}.field: ${p}`, [...at, 'field']);
  }
  c.allOf?.forEach((x, i) => checkFields(x, [...at, 'allOf', i], report));
  c.anyOf?.forEach((x, i) => checkFields(x, [...at, 'anyOf', i], report));
  if (c.not) checkFields(c.not, [...at, 'not'], report);
  if (c.count?.field && isJsonPathField(c.count.field)) {
    const error = checkJsonPath(c.count.field);
    if (error) report(`${at.join('.')}.count.field: ${error}`, [...at, 'count', 'field']);
  }
  if (c.count?.where) checkFields(c.count.where, [...at, 'count', 'where'], report);
}

function yamlFiles(dir: string): string[] {
  const out: string[] = [];
  const walk = (d: string) => {
    for (const e of readdirSync(d, { withFileTypes: true })) {
      const full = path.join(d, e.name);
      if (e.isDirectory()) walk(full);
      else if (/\.ya?ml$/i.test(e.name)) out.push(full);
    }
  };
  walk(dir);
  return out.sort();
}
