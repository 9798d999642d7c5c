// Evaluates Azure Policy definitions offline against a ResourceSet with the rule engine's exact
// semantics: mode, the definition's type guard (which resources it reports on), `if`, the effect
// (parameterized or not), and auditIfNotExists/deployIfNotExists existence checks.
import { diagnostic, type Diagnostic } from '../core/diagnostic.js';
import { isUnknown } from '../core/unknown.js';
import type { Condition } from '../engine/condition.js';
import { evaluateCondition, evaluateValue, type ConditionContext, type Evaluation } from '../engine/evaluate-condition.js';
import { relatedResources } from '../engine/relations.js';
import { resultResource } from '../engine/evaluate-rules.js';
import type { RuleResult } from '../engine/result.js';
import type { Truth } from '../engine/truth.js';
import type { Resource } from '../model/resource.js';
import type { ResourceSet } from '../model/resource-set.js';
import type { Rule, Severity } from '../rules/rule.js';
import { isKnownAlias } from './alias-table.js';
import type { PolicyUnit } from './plan-policies.js';
import { pillarForCategory } from './policy-pillar.js';
import type { PolicyDefinition } from './policy-types.js';

/** What the report shows about the policy behind a result (rule info `policy`). */
export interface PolicyInfo {
  definitionId: string;
  name: string;
  displayName: string;
  effect: string;
  category?: string;
  initiative?: string;
  assignment?: string;
}

export interface PolicyEvaluation {
  results: RuleResult[];
  /** One rule entry per evaluated definition, for the report's `rules[]`. */
  rules: Rule[];
  diagnostics: Diagnostic[];
}

/** Child types that are tracked resources (they support tags and location): `indexed` mode evaluates them. */
const TRACKED_CHILD_TYPES = new Set([
  'microsoft.sql/servers/databases', 'microsoft.sql/servers/elasticpools', 'microsoft.sql/managedinstances/databases',
  'microsoft.synapse/workspaces/sqlpools', 'microsoft.synapse/workspaces/bigdatapools', 'microsoft.synapse/workspaces/kustopools',
  'microsoft.web/sites/slots', 'microsoft.machinelearningservices/workspaces/computes',
  'microsoft.machinelearningservices/workspaces/onlineendpoints', 'microsoft.machinelearningservices/workspaces/onlineendpoints/deployments',
  'microsoft.machinelearningservices/workspaces/batchendpoints', 'microsoft.machinelearningservices/workspaces/batchendpoints/deployments',
  'microsoft.network/virtualhubs', 'microsoft.documentdb/databaseaccounts',
]);

/** Extension resource types: AINE looks for them by scope. */
const EXTENSION_TYPES = /^(microsoft\.insights\/diagnosticsettings|microsoft\.authorization\/locks|microsoft\.authorization\/roleassignments|microsoft\.security\/.+|microsoft\.guestconfiguration\/guestconfigurationassignments|microsoft\.insights\/datacollectionruleassociations)$/i;

export function supportsTagsAndLocation(r: Resource): boolean {
  if (r.scope !== undefined) return false;
  const t = r.type.toLowerCase();
  return t.split('/').length <= 2 || TRACKED_CHILD_TYPES.has(t);
}

export function evaluatePolicies(units: PolicyUnit[], set: ResourceSet): PolicyEvaluation {
  const out: PolicyEvaluation = { results: [], rules: [], diagnostics: [] };
  for (const unit of units) {
    const one = evaluatePolicy(unit, set);
    out.results.push(...one.results);
    out.diagnostics.push(...one.diagnostics);
    if (one.rule) out.rules.push(one.rule);
  }
  return out;
}

export function evaluatePolicy(unit: PolicyUnit, set: ResourceSet): { results: RuleResult[]; rule?: Rule; diagnostics: Diagnostic[] } {
  const def = unit.definition;
  const diagnostics: Diagnostic[] = [];
  const base: ConditionContext = { set, current: [], values: new Map(), parameters: unit.parameters };
  const effectValue = evaluateValue(def.policyRule.then.effect, base);
  const effect = typeof effectValue === 'string' ? effectValue.toLowerCase() : undefined;
  if (effect === 'disabled') return { results: [], diagnostics };
  const mode = def.mode;
  if (mode !== 'all' && mode !== 'indexed') {
    // Only worth saying when the definition is about resources of this deployment.
    const g = typeGuard(def.policyRule.if);
    if (g && !set.resources.some((resource) => evaluateCondition(g, { ...base, resource }).truth !== 'false')) return { results: [], diagnostics };
    diagnostics.push(diagnostic('policy/unsupported-mode', 'info', `${def.name} (${def.displayName}): mode ${def.mode} evaluates data-plane content, which templates do not have; skipped`));
    return { results: [], diagnostics };
  }
  const rule = policyRule(unit, effect ?? String(def.policyRule.then.effect));
  const guard = typeGuard(def.policyRule.if);
  const aliases = aliasesOf(def);
  const results: RuleResult[] = [];
  const unknownAliases = new Set<string>();
  for (const resource of set.resources) {
    if (mode === 'indexed' && !supportsTagsAndLocation(resource)) continue;
    const ctx: ConditionContext = { ...base, resource };
    if (guard && evaluateCondition(guard, ctx).truth === 'false') continue;
    const base2 = { ruleId: rule.id, severity: rule.severity, pillar: rule.pillar, resource: resultResource(resource) };
    const loc = resource.sourceMap?.rangeOf('');
    const finish = (r: RuleResult): RuleResult => (loc && !r.location ? { ...r, location: loc } : r);
    const missing = aliases.filter((a) => appliesTo(a, resource.type) && isKnownAlias(a) !== true);
    if (missing.length) {
      missing.forEach((a) => unknownAliases.add(a));
      results.push(finish({ ...base2, outcome: 'unknown', reason: `the alias ${missing[0]} is not in azready's alias table`, message: `${def.displayName}: unverified for ${resource.name} (unknown alias ${missing[0]})` }));
      continue;
    }
    if (effect === undefined) {
      const reason = isUnknown(effectValue) ? effectValue.reason : `the effect ${JSON.stringify(def.policyRule.then.effect)} is not a string`;
      results.push(finish({ ...base2, outcome: 'unknown', reason, message: `${def.displayName}: unverified for ${resource.name} (${reason})` }));
      continue;
    }
    const cond = evaluateCondition(def.policyRule.if, ctx);
    if (['modify', 'append', 'denyaction', 'manual', 'mutate', 'addtonetworkgroup'].includes(effect)) {
      if (cond.truth === 'false') continue;
      results.push(finish({ ...base2, outcome: 'not-applicable', message: `${def.displayName}: the ${def.policyRule.then.effect} effect changes or gates requests at deployment; azready does not simulate it (${resource.name} matches the policy's if)` }));
      continue;
    }
    let verdict: Evaluation = { truth: cond.truth === 'true' ? 'false' : cond.truth === 'false' ? 'true' : 'unknown', ...(cond.evidence ? { evidence: cond.evidence } : {}), ...(cond.reason ? { reason: cond.reason } : {}) };
    if ((effect === 'auditifnotexists' || effect === 'deployifnotexists') && cond.truth === 'true') verdict = existence(def, resource, set, base);
    else if (!['audit', 'deny', 'auditifnotexists', 'deployifnotexists'].includes(effect)) {
      results.push(finish({ ...base2, outcome: 'not-applicable', message: `${def.displayName}: the effect ${effect} is not one azready evaluates` }));
      continue;
    }
    const outcome = verdict.truth === 'true' ? 'pass' : verdict.truth === 'false' ? 'fail' : 'unknown';
    const r: RuleResult = { ...base2, outcome, message: '' };
    if (verdict.evidence) r.evidence = { path: verdict.evidence.path, actual: verdict.evidence.actual === undefined ? null : verdict.evidence.actual };
    if (outcome === 'unknown') r.reason = verdict.reason ?? 'a value the policy needs is unknown';
    r.message =
      outcome === 'pass'
        ? `${def.displayName}: ${resource.name} complies`
        : outcome === 'unknown'
          ? `${def.displayName}: unverified for ${resource.name} (${r.reason})`
          : `${def.displayName}: ${resource.name} is non-compliant (${effect === 'auditifnotexists' || effect === 'deployifnotexists' ? `no ${def.policyRule.then.details?.type ?? 'related resource'} satisfies the existence condition` : `${def.policyRule.then.effect} effect`})`;
    const range = resource.sourceMap?.rangeOf(verdict.evidence?.path ?? '');
    if (range) r.location = range;
    results.push(finish(r));
  }
  for (const a of unknownAliases) diagnostics.push(diagnostic('policy/unknown-alias', 'warning', `${def.name} (${def.displayName}) uses the alias ${a}, which is not in azready's alias table; its results are unverified`));
  return { results, rule, diagnostics };
}

/** AINE/DINE: compliant when a related resource of `details.type` satisfies the existence condition. */
function existence(def: PolicyDefinition, resource: Resource, set: ResourceSet, base: ConditionContext): Evaluation {
  const details = def.policyRule.then.details ?? {};
  const ctx: ConditionContext = { ...base, resource };
  const typeV = evaluateValue(details.type, ctx);
  if (typeof typeV !== 'string') return { truth: 'unknown', reason: isUnknown(typeV) ? typeV.reason : 'the policy has no details.type' };
  const nameV = details.name === undefined ? undefined : evaluateValue(details.name, ctx);
  if (isUnknown(nameV)) return { truth: 'unknown', reason: nameV.reason };
  let definite: Resource[];
  let possible: Resource[] = [];
  let possibleReason: string | undefined;
  const t = typeV.toLowerCase();
  if (t.startsWith(resource.type.toLowerCase() + '/')) definite = set.childrenOf(resource, typeV);
  else if (EXTENSION_TYPES.test(typeV)) {
    const rel = relatedResources(set, resource, 'extension', typeV);
    definite = rel.definite;
    possible = rel.possible;
    possibleReason = rel.reason;
  } else {
    const scope = String(details.existenceScope ?? '').toLowerCase() === 'subscription' ? 4 : 6;
    const rgName = typeof details.resourceGroupName === 'string' ? evaluateValue(details.resourceGroupName, ctx) : undefined;
    const prefix = (typeof rgName === 'string' ? [...resource.id.split('/').slice(0, 4), rgName] : resource.id.split('/').slice(0, scope)).join('/').toLowerCase();
    definite = set.ofType(typeV).filter((r) => r.id.toLowerCase().startsWith(prefix + '/'));
  }
  if (typeof nameV === 'string' && nameV) {
    const want = nameV.toLowerCase();
    const named = (r: Resource) => {
      const full = r.name.toLowerCase();
      if (want.endsWith('/?')) return full.startsWith(want.slice(0, -1));
      return full === want || full.split('/').pop() === want;
    };
    definite = definite.filter(named);
    possible = possible.filter(named);
  }
  const missing = details.existenceCondition ? literalAliases(details.existenceCondition).find((a) => appliesTo(a, typeV) && isKnownAlias(a) !== true) : undefined;
  if (missing) return { truth: 'unknown', reason: `the alias ${missing} is not in azready's alias table` };
  const truths: Evaluation[] = [];
  for (const r of definite) {
    const e = details.existenceCondition ? evaluateCondition(details.existenceCondition, { ...base, resource: r, fieldFunctionResource: resource }) : { truth: 'true' as Truth };
    if (e.truth === 'true') return { truth: 'true', evidence: { path: `related ${typeV}`, actual: r.name } };
    truths.push(e);
  }
  const unknown = truths.find((e) => e.truth === 'unknown');
  if (unknown) return { truth: 'unknown', reason: unknown.reason ?? `whether ${typeV} satisfies the existence condition is unknown` };
  if (possible.length) return { truth: 'unknown', reason: possibleReason ?? `a ${typeV} may be related` };
  return { truth: 'false', evidence: { path: `related ${typeV}`, actual: definite.length ? `${definite.length} found, none satisfies the existence condition` : 'none found' } };
}

/**
 * The part of `if` that says which resource types the policy is about: the `field: type`
 * conditions (equals, in, like) at the top of an allOf, or an anyOf made only of them.
 */
export function typeGuard(c: Condition): Condition | undefined {
  if (isTypeLeaf(c)) return c;
  if (c.allOf) {
    const parts = c.allOf.map((x) => (isTypeLeaf(x) ? x : x.anyOf && x.anyOf.every((y) => isTypeLeaf(y) || typeGuard(y)) ? { anyOf: x.anyOf.map((y) => (isTypeLeaf(y) ? y : (typeGuard(y) as Condition))) } : undefined)).filter((x): x is Condition => !!x);
    return parts.length ? { allOf: parts } : undefined;
  }
  if (c.anyOf) {
    const parts = c.anyOf.map((x) => typeGuard(x));
    return parts.every((x) => x) ? { anyOf: parts as Condition[] } : undefined;
  }
  return undefined;
}

function isTypeLeaf(c: Condition): boolean {
  return typeof c.field === 'string' && c.field.toLowerCase() === 'type' && ('equals' in c || 'in' in c || 'like' in c);
}

/** Literal aliases in the definition's `if` and `field()` calls. */
function aliasesOf(def: PolicyDefinition): string[] {
  return literalAliases(def.policyRule.if);
}

/** Literal aliases in a condition: `field` values and `field('…')` calls. */
function literalAliases(condition: Condition): string[] {
  const found = new Set<string>();
  const visit = (v: unknown, key?: string) => {
    if (typeof v === 'string') {
      if (key === 'field' && !v.startsWith('[') && /^[A-Za-z0-9]+\.[A-Za-z0-9.]+\/[^/]+\/.+/.test(v)) found.add(v);
      for (const m of v.matchAll(/\bfield\('([A-Za-z0-9]+\.[A-Za-z0-9.]+\/[^']+)'\)/g)) found.add(m[1]);
    } else if (Array.isArray(v)) v.forEach((x) => visit(x));
    else if (v && typeof v === 'object') for (const [k, x] of Object.entries(v)) visit(x, k);
  };
  visit(condition);
  return [...found];
}

/** The alias names a property of this very type (not of a child type). */
function appliesTo(alias: string, type: string): boolean {
  const lower = alias.toLowerCase();
  const prefix = type.toLowerCase() + '/';
  return lower.startsWith(prefix) && !lower.slice(prefix.length).includes('/');
}

/** The rule entry a policy's results point to: `policy/<name>`, pillar from the category. */
export function policyRule(unit: PolicyUnit, effect: string): Rule {
  const def = unit.definition;
  const meta = (def.metadata.azready ?? {}) as { severity?: Severity };
  const severity: Severity = ['critical', 'high', 'medium', 'low'].includes(String(meta.severity)) ? (meta.severity as Severity) : 'medium';
  const policy: PolicyInfo = {
    definitionId: def.id,
    name: def.name,
    displayName: def.displayName,
    effect,
    ...(def.category ? { category: def.category } : {}),
    ...(unit.set ? { initiative: unit.set.id } : {}),
    ...(unit.assignment ? { assignment: unit.assignment } : {}),
  };
  return {
    id: `policy/${def.name}`,
    title: def.displayName,
    pillar: pillarForCategory(def.category),
    severity,
    scope: 'resource',
    resourceTypes: [],
    expect: def.policyRule.if,
    defaults: [],
    rationale: def.description ?? def.displayName,
    remediation: { text: `Make the resource comply with the Azure Policy definition "${def.displayName}" (${def.id}).` },
    references: def.policyType === 'BuiltIn' ? [`https://portal.azure.com/#view/Microsoft_Azure_Policy/PolicyDetailBlade/definitionId/${encodeURIComponent(def.id)}`] : [],
    frameworks: { azurePolicy: [def.name] },
    tags: ['azure-policy'],
    file: def.file,
    policy,
  };
}
