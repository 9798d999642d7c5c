// Runs rules over a ResourceSet: applicability by type and `when`, then `expect`, with the rule's
// Azure defaults for absent properties. Produces results in a stable order.
import { REDACTED, isSecretPath } from '../core/redact.js';
import { isUnknown } from '../core/unknown.js';
import { isFromSecretPath, type Resource } from '../model/resource.js';
import type { ResourceSet } from '../model/resource-set.js';
import type { Rule } from '../rules/rule.js';
import { evaluateCondition, type ConditionContext, type Evaluation } from './evaluate-condition.js';
import { parseFieldPath } from './field-path.js';
import { normalizePath } from './resolve-field.js';
import { SET_RESOURCE, type RuleResult } from './result.js';

export function evaluateRules(rules: readonly Rule[], set: ResourceSet): RuleResult[] {
  const results: RuleResult[] = [];
  for (const rule of rules) {
    if (rule.scope === 'set') {
      results.push(evaluateSetRule(rule, set));
      continue;
    }
    for (const type of rule.resourceTypes) {
      for (const resource of set.ofType(type)) results.push(evaluateRule(rule, resource, set));
    }
  }
  return results;
}

export function evaluateRule(rule: Rule, resource: Resource, set: ResourceSet): RuleResult {
  const ctx: ConditionContext = { resource, set, current: [], values: new Map(), defaults: defaultsFor(rule, resource) };
  const base = {
    ruleId: rule.id,
    severity: rule.severity,
    pillar: rule.pillar,
    resource: resultResource(resource),
  };
  // A stand-in for what an audit could not read: nothing about it is known, not even that it exists.
  if (resource.unreadable !== undefined) return finish(rule, resource, base, 'unknown', { truth: 'unknown', reason: resource.unreadable });
  if (rule.when) {
    const w = evaluateCondition(rule.when, ctx);
    if (w.truth === 'false') return { ...base, outcome: 'not-applicable', message: `${rule.title}: does not apply to ${resource.name}` };
    if (w.truth === 'unknown') return finish(rule, resource, base, 'unknown', w);
  }
  const e = evaluateCondition(rule.expect, ctx);
  return finish(rule, resource, base, e.truth === 'true' ? 'pass' : e.truth === 'false' ? 'fail' : 'unknown', e);
}

/** The resource as a result names it: with the parameters file of its deployment, when it has one. */
export function resultResource(resource: Resource): RuleResult['resource'] {
  const out: RuleResult['resource'] = { id: resource.id, type: resource.type, name: resource.name };
  if (resource.parameters !== undefined) out.parameters = resource.parameters;
  return out;
}

function evaluateSetRule(rule: Rule, set: ResourceSet): RuleResult {
  const ctx: ConditionContext = { set, current: [], values: new Map() };
  const base = { ruleId: rule.id, severity: rule.severity, pillar: rule.pillar, resource: { ...SET_RESOURCE } };
  if (rule.when) {
    const w = evaluateCondition(rule.when, ctx);
    if (w.truth === 'false') return { ...base, outcome: 'not-applicable', message: `${rule.title}: does not apply` };
    if (w.truth === 'unknown') return finish(rule, undefined, base, 'unknown', w);
  }
  const e = evaluateCondition(rule.expect, ctx);
  return finish(rule, undefined, base, e.truth === 'true' ? 'pass' : e.truth === 'false' ? 'fail' : 'unknown', e);
}

function finish(rule: Rule, resource: Resource | undefined, base: Omit<RuleResult, 'outcome' | 'message'>, outcome: RuleResult['outcome'], e: Evaluation): RuleResult {
  const result: RuleResult = { ...base, outcome, message: '' };
  if (e.evidence) {
    const secret = isSecretPath(e.evidence.path) || isFromSecretPath(resource, e.evidence.path);
    const actual = secret && e.evidence.actual !== undefined ? REDACTED : e.evidence.actual;
    result.evidence = { path: e.evidence.path, actual: actual === undefined ? null : actual };
    if (e.evidence.defaulted) result.evidence.defaulted = true;
  }
  if (outcome === 'unknown') result.reason = e.reason ?? 'a value the rule needs is unknown';
  result.message = messageFor(rule, resource, result, e);
  // A finding points at the property it read; when that property is absent (or only Azure's
  // default stands for it) there is no line to point at, so it points at the declaration.
  const absent = !e.evidence || e.evidence.actual === undefined || e.evidence.defaulted;
  const range = (absent ? undefined : resource?.sourceMap?.rangeOf(e.evidence!.path)) ?? resource?.sourceMap?.rangeOf('');
  if (range) result.location = range;
  return result;
}

function messageFor(rule: Rule, resource: Resource | undefined, result: RuleResult, e: Evaluation): string {
  const name = resource?.name ?? 'the deployment';
  if (result.outcome === 'pass') return `${rule.title}: ${name} complies`;
  if (result.outcome === 'unknown') return `${rule.title}: unverified for ${name} (${result.reason})`;
  const actual = e.evidence?.actual;
  const shown = result.evidence?.actual;
  const detail = !e.evidence
    ? ''
    : actual === undefined
      ? `${e.evidence.path} is not set`
      : `${e.evidence.path} is ${isUnknown(shown) ? 'unknown' : JSON.stringify(shown)}${e.evidence.defaulted ? " (Azure's default when absent)" : ''}`;
  if (rule.message) {
    return rule.message
      .replace(/\{name\}/g, name)
      .replace(/\{type\}/g, resource?.type ?? '')
      .replace(/\{path\}/g, e.evidence?.path ?? '')
      // An absent property that Azure's default stands for: say so, or the learner searches the
      // file for a value that is not there.
      .replace(/\{actual\}/g, actual === undefined ? 'not set' : e.evidence?.defaulted ? `not set, which means ${JSON.stringify(shown ?? null)}` : JSON.stringify(shown ?? null));
  }
  return detail ? `${rule.title}: ${name}: ${detail}` : `${rule.title}: ${name} does not comply`;
}

/** The rule's defaults that hold for this resource's apiVersion (all of them for live resources). */
const defaultsCache = new WeakMap<Rule, Map<string, Map<string, unknown>>>();

function defaultsFor(rule: Rule, resource: Resource): Map<string, unknown> | undefined {
  if (!rule.defaults.length) return undefined;
  // The same rule meets the same few apiVersions again and again.
  let byApi = defaultsCache.get(rule);
  if (!byApi) {
    byApi = new Map();
    defaultsCache.set(rule, byApi);
  }
  const key = resource.apiVersion ?? '';
  let map = byApi.get(key);
  if (!map) {
    map = computeDefaults(rule, resource.apiVersion);
    byApi.set(key, map);
  }
  return map;
}

function computeDefaults(rule: Rule, api: string | undefined): Map<string, unknown> {
  const map = new Map<string, unknown>();
  for (const d of rule.defaults) {
    if (d.apiVersions && api) {
      if (d.apiVersions.from && api < d.apiVersions.from) continue;
      if (d.apiVersions.before && api >= d.apiVersions.before) continue;
    } else if (d.apiVersions?.before && !api) {
      // A live resource is read with a current api-version: only open-ended defaults apply.
      continue;
    }
    const segs = parseFieldPath(d.path);
    if (typeof segs !== 'string') map.set(normalizePath(segs), d.value);
  }
  return map;
}
