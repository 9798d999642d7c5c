// Turns azready rules into custom Azure Policy definitions (audit effect, `effect` parameter
// Audit|Disabled) and one initiative grouping them by pillar. A rule is exportable when its
// conditions use only policy operators and fields with an alias in the bundled table; "at least one"
// diagnostic setting or child resource becomes auditIfNotExists. Azure defaults are encoded explicitly.
import type { Condition } from '../engine/condition.js';
import { aliasToPath, isAlias } from '../engine/alias.js';
import { OPERATORS, applyOperator, type Operator } from '../engine/operators.js';
import { parseFieldPath } from '../engine/field-path.js';
import { normalizePath } from '../engine/resolve-field.js';
import type { Rule } from '../rules/rule.js';
import { aliasesOfType, isKnownAlias } from './alias-table.js';
import { supportsTagsAndLocation } from './evaluate-policy.js';

/** The scope placeholder in exported ids; `policy publish` replaces it with the target scope. */
export const SCOPE_PLACEHOLDER = '{scope}';

export interface PolicyFile {
  properties: Record<string, unknown>;
  id: string;
  name: string;
}

export interface ExportResult {
  definitions: PolicyFile[];
  initiative: PolicyFile;
  notExportable: { ruleId: string; reason: string }[];
}

const ROOT_FIELD = /^(name|fullName|type|location|kind|id|identity\.type|tags)$|^tags[.[]/i;
const DIAG = 'Microsoft.Insights/diagnosticSettings';

export function definitionName(ruleId: string): string {
  return `azready-${ruleId.replace(/[^A-Za-z0-9-]+/g, '-')}`.slice(0, 64);
}

export function exportRules(rules: readonly Rule[], options: { profile: string; version: string }): ExportResult {
  const definitions: PolicyFile[] = [];
  const notExportable: ExportResult['notExportable'] = [];
  for (const rule of rules) {
    const r = exportRule(rule, options.version);
    if ('reason' in r) notExportable.push({ ruleId: rule.id, reason: r.reason });
    else definitions.push(r);
  }
  const pillars = [...new Set(definitions.map((d) => (d.properties.metadata as { category: string }).category))].sort();
  const name = `azready-${options.profile}`.replace(/[^A-Za-z0-9-]+/g, '-').slice(0, 64);
  const initiative: PolicyFile = {
    properties: {
      displayName: `azready ${options.profile} readiness`.slice(0, 128),
      policyType: 'Custom',
      description: `The azready rules of the ${options.profile} profile that the Azure Policy language can express, grouped by readiness pillar.`,
      metadata: { category: 'azready', version: options.version },
      version: options.version,
      policyDefinitionGroups: pillars.map((p) => ({ name: p, displayName: p, category: p })),
      policyDefinitions: definitions.map((d) => ({
        policyDefinitionId: d.id,
        policyDefinitionReferenceId: d.name,
        groupNames: [(d.properties.metadata as { category: string }).category],
      })),
    },
    id: `${SCOPE_PLACEHOLDER}/providers/Microsoft.Authorization/policySetDefinitions/${name}`,
    name,
  };
  return { definitions, initiative, notExportable };
}

export function exportRule(rule: Rule, version: string): PolicyFile | { reason: string } {
  if (rule.scope === 'set') return { reason: 'a set-level rule judges the whole deployment; a policy judges one resource' };
  if (rule.resourceTypes.length !== 1) return { reason: 'the rule targets several resource types' };
  const type = rule.resourceTypes[0];
  const defaults = new Map<string, unknown>();
  for (const d of rule.defaults) {
    if (d.apiVersions) return { reason: `the default of ${d.path} depends on the apiVersion` };
    const segs = parseFieldPath(d.path);
    if (typeof segs !== 'string') defaults.set(normalizePath(segs), d.value);
  }
  try {
    const when = rule.when ? translate(rule.when, type, defaults) : undefined;
    const typeCond: Condition = { field: 'type', equals: type };
    const aine = existenceCount(rule.expect, type);
    let policyRule: Record<string, unknown>;
    let effects: string[];
    if (aine) {
      // In a relation's where, the rule's defaults do not apply (they belong to the rule's own type).
      const existence = aine.where ? translate(aine.where, aine.type, new Map()) : undefined;
      policyRule = {
        if: when ? { allOf: [typeCond, when] } : typeCond,
        then: { effect: "[parameters('effect')]", details: { type: aine.type, ...(existence ? { existenceCondition: existence } : {}) } },
      };
      effects = ['AuditIfNotExists', 'Disabled'];
    } else {
      const expect = translate(rule.expect, type, defaults);
      policyRule = { if: { allOf: [typeCond, ...(when ? [when] : []), { not: expect }] }, then: { effect: "[parameters('effect')]" } };
      effects = ['Audit', 'Disabled'];
    }
    const name = definitionName(rule.id);
    const probe = { id: '', type, name: 'x', dependsOn: [], origin: 'arm' as const };
    return {
      properties: {
        displayName: rule.title.slice(0, 128),
        policyType: 'Custom',
        mode: supportsTagsAndLocation(probe) ? 'Indexed' : 'All',
        description: rule.rationale.replace(/\s+/g, ' ').trim().slice(0, 512),
        metadata: { category: rule.pillar, version, azready: { ruleId: rule.id, severity: rule.severity } },
        version,
        parameters: {
          effect: { type: 'String', metadata: { displayName: 'Effect', description: 'Enable or disable the execution of the policy' }, allowedValues: effects, defaultValue: effects[0] },
        },
        policyRule,
      },
      id: `${SCOPE_PLACEHOLDER}/providers/Microsoft.Authorization/policyDefinitions/${name}`,
      name,
    };
  } catch (e) {
    if (e instanceof NotExpressible) return { reason: e.message };
    throw e;
  }
}

class NotExpressible extends Error {}

/**
 * `count of related resources (where W) >= 1` (or > 0) for extension diagnostic settings or one
 * child type: what auditIfNotExists says (details.type, existenceCondition W).
 */
function existenceCount(c: Condition, type: string): { type: string; where?: Condition } | undefined {
  const spec = c.count;
  if (!spec || (spec.related !== 'extension' && spec.related !== 'child')) return undefined;
  const types = [spec.type].flat();
  if (types.length !== 1 || typeof types[0] !== 'string') return undefined;
  if (!(c.greaterOrEquals === 1 || c.greater === 0)) return undefined;
  let related = types[0];
  if (spec.related === 'extension') {
    if (related.toLowerCase() !== DIAG.toLowerCase()) return undefined;
    related = DIAG;
  } else if (!related.includes('.')) related = `${type}/${related}`;
  return { type: related, ...(spec.where ? { where: spec.where } : {}) };
}

function translate(c: Condition, type: string, defaults: Map<string, unknown>): Condition {
  if (c.allOf) return { allOf: c.allOf.map((x) => translate(x, type, defaults)) };
  if (c.anyOf) return { anyOf: c.anyOf.map((x) => translate(x, type, defaults)) };
  if (c.not) return { not: translate(c.not, type, defaults) };
  const op = OPERATORS.find((o) => o in c);
  if (!op) throw new NotExpressible('a condition has no operator');
  if (op === 'secure') throw new NotExpressible('whether a value comes from a @secure() parameter is known only in a template');
  if (c.count) {
    const s = c.count;
    if (s.related) throw new NotExpressible(`a count of ${s.related} resources (${[s.type].flat().join(', ')}) has no policy equivalent (only "at least one" diagnostic setting or child resource: auditIfNotExists)`);
    if (s.resources || s.distinct) throw new NotExpressible('it counts resources across the deployment');
    const count: Record<string, unknown> = {};
    if (s.field !== undefined) count.field = fieldName(s.field, type);
    else if ('value' in s) {
      count.value = s.value;
      if (s.name) count.name = s.name;
    }
    if (s.where) count.where = translate(s.where, type, defaults);
    return { count, [op]: c[op] } as Condition;
  }
  if (c.field !== undefined) {
    const field = fieldName(c.field, type);
    const leaf = { field, [op]: c[op] } as Condition;
    const key = isAlias(c.field) || c.field.startsWith('$') ? undefined : pathKey(c.field);
    if (key !== undefined && defaults.has(key)) {
      // Azure assumes the default when the property is absent; a policy sees it absent.
      const holdsForDefault = applyOperator(op as Operator, defaults.get(key), c[op]) === 'true';
      return holdsForDefault ? { anyOf: [{ field, exists: false }, leaf] } : { allOf: [{ field, exists: true }, leaf] };
    }
    return leaf;
  }
  if ('value' in c) return { value: c.value, [op]: c[op] } as Condition;
  throw new NotExpressible('a condition has no field, value or count');
}

function pathKey(path: string): string | undefined {
  const segs = parseFieldPath(path);
  return typeof segs === 'string' ? undefined : normalizePath(segs);
}

function fieldName(field: string, type: string): string {
  if (field.startsWith('$')) throw new NotExpressible(`the JSONPath field ${field} has no policy equivalent`);
  if (field.startsWith('[')) return field;
  if (isAlias(field)) {
    if (isKnownAlias(field) !== true) throw new NotExpressible(`the alias ${field} is not in the alias table`);
    return field;
  }
  if (ROOT_FIELD.test(field)) return field;
  const want = field.toLowerCase();
  // The shortest alias whose path is this path (several may name it, e.g. legacy names), among
  // those that keep the path's `[*]`: Azure Policy reads a legacy alias such as `logs.enabled` as
  // the whole array, so inside a count over `logs[*]` it would never match an element.
  const stars = (x: string) => x.split('[*]').length - 1;
  const alias = aliasesOfType(type)
    .filter((a) => aliasToPath(a, type)?.toLowerCase() === want)
    .sort((a, b) => Number(stars(b) === stars(field)) - Number(stars(a) === stars(field)) || a.length - b.length || a.localeCompare(b))[0];
  if (!alias) throw new NotExpressible(`no alias in the table for ${field} on ${type}`);
  return alias;
}
