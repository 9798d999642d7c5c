// Decides what a bundle evaluates, with which parameter values: the assignments when the bundle has
// any (their parameters), otherwise each initiative's members and the definitions no initiative uses.
import { diagnostic, type Diagnostic } from '../core/diagnostic.js';
import { Unknown } from '../core/unknown.js';
import { evaluateValue } from '../engine/evaluate-condition.js';
import { ResourceSet } from '../model/resource-set.js';
import type { PolicyBundle } from './load-policies.js';
import { policyKey, type PolicyDefinition, type PolicyParameterDef, type PolicySetDefinition } from './policy-types.js';

export interface PolicyUnit {
  definition: PolicyDefinition;
  /** Lower-cased parameter name → value (an Unknown when nothing gives it one). */
  parameters: Map<string, unknown>;
  set?: PolicySetDefinition;
  assignment?: string;
}

export function planPolicies(bundle: PolicyBundle, overrides: Map<string, unknown> = new Map()): { units: PolicyUnit[]; diagnostics: Diagnostic[] } {
  const diagnostics: Diagnostic[] = [];
  const defs = index(bundle.definitions);
  const sets = index(bundle.sets);
  const units: PolicyUnit[] = [];
  const findDef = (id: string, from: string): PolicyDefinition | undefined => {
    const d = defs.get(id.toLowerCase()) ?? defs.get(policyKey(id));
    if (!d) diagnostics.push(diagnostic('policy/missing-definition', 'warning', `${from} refers to the policy definition ${id}, which is not among the --policy files; it is not evaluated`));
    return d;
  };
  const expandSet = (set: PolicySetDefinition, given: Record<string, { value: unknown }>, assignment?: string) => {
    const setParams = values(set.parameters, given, overrides, `initiative ${set.name}`);
    const ctx = { set: new ResourceSet([], [], []), current: [], values: new Map(), parameters: setParams };
    for (const m of set.members) {
      const def = findDef(m.policyDefinitionId, `initiative ${set.name}`);
      if (!def) continue;
      const passed: Record<string, { value: unknown }> = {};
      for (const [k, v] of Object.entries(m.parameters)) passed[k] = { value: evaluateValue(v.value, ctx) };
      units.push({ definition: def, parameters: values(def.parameters, passed, new Map(), `policy ${def.name}`), set, ...(assignment ? { assignment } : {}) });
    }
  };

  if (bundle.assignments.length) {
    for (const a of bundle.assignments) {
      const id = a.policyDefinitionId;
      if (/\/policySetDefinitions\//i.test(id)) {
        const set = sets.get(id.toLowerCase()) ?? sets.get(policyKey(id));
        if (set) expandSet(set, a.parameters, a.name);
        else diagnostics.push(diagnostic('policy/missing-definition', 'warning', `assignment ${a.name} refers to the initiative ${id}, which is not among the --policy files; it is not evaluated`));
      } else {
        const def = findDef(id, `assignment ${a.name}`);
        if (def) units.push({ definition: def, parameters: values(def.parameters, a.parameters, overrides, `policy ${def.name}`), assignment: a.name });
      }
    }
  } else {
    const inSets = new Set<PolicyDefinition>();
    for (const set of bundle.sets) {
      const before = units.length;
      expandSet(set, {});
      for (const u of units.slice(before)) inSets.add(u.definition);
    }
    for (const def of bundle.definitions) {
      if (!inSets.has(def)) units.push({ definition: def, parameters: values(def.parameters, {}, overrides, `policy ${def.name}`) });
    }
  }
  // One result stream per definition (rule id policy/<name>): the first use wins.
  const seen = new Set<string>();
  const unique: PolicyUnit[] = [];
  for (const u of units) {
    const key = u.definition.name.toLowerCase();
    if (seen.has(key)) {
      diagnostics.push(diagnostic('policy/duplicate-definition', 'info', `the policy definition ${u.definition.name} is used more than once (${u.set ? `initiative ${u.set.name}` : u.assignment ?? 'standalone'}); only its first use is evaluated`));
      continue;
    }
    seen.add(key);
    unique.push(u);
  }
  return { units: unique, diagnostics };
}

function index<T extends { id: string; name: string }>(docs: T[]): Map<string, T> {
  const m = new Map<string, T>();
  for (const d of docs) {
    if (!m.has(d.id.toLowerCase())) m.set(d.id.toLowerCase(), d);
    if (!m.has(d.name.toLowerCase())) m.set(d.name.toLowerCase(), d);
  }
  return m;
}

/** Declared parameters: defaults, then the given values, then `--policy-params`; lower-cased names. */
function values(declared: Record<string, PolicyParameterDef>, given: Record<string, { value: unknown }>, overrides: Map<string, unknown>, what: string): Map<string, unknown> {
  const out = new Map<string, unknown>();
  const lowerGiven = new Map(Object.entries(given).map(([k, v]) => [k.toLowerCase(), v.value]));
  for (const [name, def] of Object.entries(declared)) {
    const k = name.toLowerCase();
    if (overrides.has(k)) out.set(k, overrides.get(k));
    else if (lowerGiven.has(k)) out.set(k, lowerGiven.get(k));
    else if (def.defaultValue !== undefined) out.set(k, def.defaultValue);
    else out.set(k, new Unknown(`${what}: the parameter '${name}' has no value and no default (give it with --policy-params or an assignment)`));
  }
  return out;
}
