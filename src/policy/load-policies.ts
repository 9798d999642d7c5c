// Reads `--policy` paths: definition, initiative and assignment JSON files, or folders of them
// (as `azready policy pull` writes). Bad files are diagnostics; files of other kinds are skipped.
import { readFileSync, statSync, existsSync } from 'node:fs';
import path from 'node:path';
import { diagnostic, type Diagnostic } from '../core/diagnostic.js';
import { jsonFilesUnder } from '../core/file-system.js';
import type { Condition } from '../engine/condition.js';
import { OPERATORS } from '../engine/operators.js';
import type { PolicyAssignment, PolicyDefinition, PolicyDocument, PolicyParameterDef, PolicySetDefinition } from './policy-types.js';

export interface PolicyBundle {
  definitions: PolicyDefinition[];
  sets: PolicySetDefinition[];
  assignments: PolicyAssignment[];
  diagnostics: Diagnostic[];
}

export function loadPolicies(paths: string[]): PolicyBundle {
  const bundle: PolicyBundle = { definitions: [], sets: [], assignments: [], diagnostics: [] };
  const files: string[] = [];
  for (const p of paths) {
    if (!existsSync(p)) {
      bundle.diagnostics.push(diagnostic('policy/not-found', 'error', `--policy ${p}: no such file or folder`));
      continue;
    }
    if (statSync(p).isDirectory()) files.push(...jsonFilesUnder(p));
    else files.push(p);
  }
  for (const file of [...new Set(files)]) {
    let raw: unknown;
    try {
      raw = JSON.parse(readFileSync(file, 'utf8'));
    } catch (e) {
      bundle.diagnostics.push(diagnostic('policy/invalid-json', 'error', `${file}: not valid JSON (${(e as Error).message})`));
      continue;
    }
    const doc = parsePolicyDocument(raw, file);
    if ('error' in doc) {
      if (doc.error) bundle.diagnostics.push(diagnostic('policy/invalid-definition', 'error', `${file}: ${doc.error}`));
      else bundle.diagnostics.push(diagnostic('policy/skipped-file', 'info', `${file}: not a policy definition, initiative or assignment; skipped`));
      continue;
    }
    if (doc.kind === 'definition') bundle.definitions.push(doc);
    else if (doc.kind === 'set') bundle.sets.push(doc);
    else bundle.assignments.push(doc);
  }
  return bundle;
}

type Obj = Record<string, unknown>;
const isObj = (v: unknown): v is Obj => typeof v === 'object' && v !== null && !Array.isArray(v);

/** One document in the built-in shape `{properties, id, name}` or flat (SDK); `error: ''` = not a policy file. */
export function parsePolicyDocument(raw: unknown, file: string): PolicyDocument | { error: string } {
  if (!isObj(raw)) return { error: '' };
  const props = isObj(raw.properties) ? raw.properties : raw;
  const name = str(raw.name) ?? path.basename(file, '.json');
  const id = str(raw.id) ?? name;
  const metadata = isObj(props.metadata) ? props.metadata : {};
  if ('policyRule' in props) {
    const rule = props.policyRule;
    if (!isObj(rule) || !isObj(rule.if) || !isObj(rule.then)) return { error: 'policyRule needs an "if" condition and a "then" object' };
    const then = normalizeThen(rule.then);
    if (typeof then.effect !== 'string') return { error: 'policyRule.then.effect must be a string' };
    return {
      kind: 'definition',
      id,
      name,
      displayName: str(props.displayName) ?? name,
      ...(str(props.description) ? { description: str(props.description) } : {}),
      mode: (str(props.mode) ?? 'indexed').toLowerCase(),
      ...(str(props.policyType) ? { policyType: str(props.policyType) } : {}),
      ...(str(metadata.category) ? { category: str(metadata.category) } : {}),
      ...(str(props.version) ?? str(metadata.version) ? { version: str(props.version) ?? str(metadata.version) } : {}),
      metadata,
      parameters: parameterDefs(props.parameters),
      policyRule: { if: normalizeCondition(rule.if), then },
      file,
    };
  }
  if (Array.isArray(props.policyDefinitions)) {
    const members = props.policyDefinitions.filter(isObj).map((m) => ({
      policyDefinitionId: str(m.policyDefinitionId) ?? '',
      ...(str(m.policyDefinitionReferenceId) ? { policyDefinitionReferenceId: str(m.policyDefinitionReferenceId) } : {}),
      parameters: valueParams(m.parameters),
      ...(Array.isArray(m.groupNames) ? { groupNames: m.groupNames.filter((g): g is string => typeof g === 'string') } : {}),
    }));
    if (members.some((m) => !m.policyDefinitionId)) return { error: 'every policyDefinitions entry needs a policyDefinitionId' };
    return {
      kind: 'set',
      id,
      name,
      displayName: str(props.displayName) ?? name,
      ...(str(props.description) ? { description: str(props.description) } : {}),
      ...(str(metadata.category) ? { category: str(metadata.category) } : {}),
      metadata,
      parameters: parameterDefs(props.parameters),
      members,
      groups: Array.isArray(props.policyDefinitionGroups)
        ? props.policyDefinitionGroups.filter(isObj).map((g) => ({ name: str(g.name) ?? '', ...(str(g.displayName) ? { displayName: str(g.displayName) } : {}), ...(str(g.category) ? { category: str(g.category) } : {}) }))
        : [],
      file,
    };
  }
  if (typeof props.policyDefinitionId === 'string') {
    return {
      kind: 'assignment',
      id,
      name,
      ...(str(props.displayName) ? { displayName: str(props.displayName) } : {}),
      policyDefinitionId: props.policyDefinitionId,
      parameters: valueParams(props.parameters),
      ...(str(props.enforcementMode) ? { enforcementMode: str(props.enforcementMode) } : {}),
      notScopes: Array.isArray(props.notScopes) ? props.notScopes.filter((s): s is string => typeof s === 'string') : [],
      file,
    };
  }
  return { error: '' };
}

const CONDITION_KEYS = new Map(
  [...OPERATORS, 'allOf', 'anyOf', 'not', 'field', 'value', 'count', 'where', 'name'].map((k) => [k.toLowerCase(), k]),
);

/** Policy JSON keys are case-insensitive (`allof`, `Equals`): conditions get the engine's casing. */
export function normalizeCondition(c: unknown): Condition {
  if (!isObj(c)) return c as Condition;
  const out: Obj = {};
  for (const [k, v] of Object.entries(c)) {
    const key = CONDITION_KEYS.get(k.toLowerCase()) ?? k;
    if (key === 'allOf' || key === 'anyOf') out[key] = Array.isArray(v) ? v.map(normalizeCondition) : v;
    else if (key === 'not' || key === 'where') out[key] = normalizeCondition(v);
    else if (key === 'count') out[key] = isObj(v) ? normalizeCondition(v) : v;
    else out[key] = v;
  }
  return out as Condition;
}

function normalizeThen(then: Obj): PolicyDefinition['policyRule']['then'] {
  const out: Obj = {};
  for (const [k, v] of Object.entries(then)) out[k.toLowerCase() === 'effect' ? 'effect' : k.toLowerCase() === 'details' ? 'details' : k] = v;
  if (isObj(out.details)) {
    const d: Obj = {};
    for (const [k, v] of Object.entries(out.details)) {
      const key = ['type', 'name', 'existenceCondition', 'existenceScope', 'resourceGroupName'].find((x) => x.toLowerCase() === k.toLowerCase()) ?? k;
      d[key] = key === 'existenceCondition' ? normalizeCondition(v) : v;
    }
    out.details = d;
  }
  return out as PolicyDefinition['policyRule']['then'];
}

function str(v: unknown): string | undefined {
  return typeof v === 'string' ? v : undefined;
}

function parameterDefs(v: unknown): Record<string, PolicyParameterDef> {
  if (!isObj(v)) return {};
  const out: Record<string, PolicyParameterDef> = {};
  for (const [k, p] of Object.entries(v)) if (isObj(p)) out[k] = p as PolicyParameterDef;
  return out;
}

/** `{name: {value}}` (assignments, set members); a bare value is taken as the value. */
export function valueParams(v: unknown): Record<string, { value: unknown }> {
  if (!isObj(v)) return {};
  const out: Record<string, { value: unknown }> = {};
  for (const [k, p] of Object.entries(v)) out[k] = isObj(p) && 'value' in p ? { value: p.value } : { value: p };
  return out;
}

/**
 * `--policy-params FILE`: `{ "parameters": {name: {value}} }` (an assignment or ARM parameters
 * file), or `{name: value}`; the values apply to every definition or initiative declaring the name.
 */
export function readPolicyParams(file: string): { values: Map<string, unknown> } | { error: string } {
  let raw: unknown;
  try {
    raw = JSON.parse(readFileSync(file, 'utf8'));
  } catch (e) {
    return { error: `--policy-params ${file}: ${(e as Error).message}` };
  }
  if (!isObj(raw)) return { error: `--policy-params ${file}: expected a JSON object` };
  const src = isObj(raw.properties) && isObj(raw.properties.parameters) ? raw.properties.parameters : isObj(raw.parameters) ? raw.parameters : raw;
  const values = new Map<string, unknown>();
  for (const [k, v] of Object.entries(valueParams(src))) if (!k.startsWith('$')) values.set(k.toLowerCase(), v.value);
  return { values };
}
