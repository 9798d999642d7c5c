// Evaluates a condition against one resource (or the whole set) in three values, keeping the
// evidence (path and actual value) that decided the result and the reason when it is unknown.
import { DEFAULT_DEPLOYMENT } from '../arm/deployment-context.js';
import { EvaluationError, type EvalContext } from '../arm/expression/eval-context.js';
import { evaluateExpression } from '../arm/expression/evaluate-expression.js';
import type { TemplateFunction } from '../arm/expression/functions/function-def.js';
import { isExpression, parseBracketed, unescapeLiteral } from '../arm/expression/parse-expression.js';
import { Unknown, findUnknown, isUnknown, type Value } from '../core/unknown.js';
import { isFromSecretPath, type Resource } from '../model/resource.js';
import type { ResourceSet } from '../model/resource-set.js';
import { outsideResourceGraph } from '../model/outside-resource-graph.js';
import type { Condition, CountSpec } from './condition.js';
import { applyOperator, OPERATORS, type Operator } from './operators.js';
import { relatedResources, unreadRelation } from './relations.js';
import { fieldToPath, normalizePath, resolveField, type CurrentElement, type Selection } from './resolve-field.js';
import { parseFieldPath } from './field-path.js';
import { isJsonPathField } from './json-path-field.js';
import { and, not, or, type Truth } from './truth.js';

export interface Evidence {
  path: string;
  actual: unknown;
  /** The value is Azure's default for an absent property. */
  defaulted?: boolean;
}

export interface Evaluation {
  truth: Truth;
  evidence?: Evidence;
  /** Why the result is unknown. */
  reason?: string;
}

export interface ConditionContext {
  /** The resource under evaluation; absent for set-level rules. */
  resource?: Resource;
  set: ResourceSet;
  current: CurrentElement[];
  /** Value-count elements by name (`current('name')`). */
  values: Map<string, unknown>;
  /** Normalized path → Azure default, for the resource under evaluation. */
  defaults?: Map<string, unknown>;
  /** Parameters a policy or profile passes (`parameters('x')`). */
  parameters?: Map<string, unknown>;
  /**
   * The resource the `field()` function reads when it is not `resource`: in a policy's
   * existenceCondition, `field` conditions read the related resource, `field()` the `if` resource.
   */
  fieldFunctionResource?: Resource;
}

export function evaluateCondition(c: Condition, ctx: ConditionContext): Evaluation {
  if (c.allOf) return combine(c.allOf.map((x) => evaluateCondition(x, ctx)), 'all');
  if (c.anyOf) return combine(c.anyOf.map((x) => evaluateCondition(x, ctx)), 'any');
  if (c.not) {
    const inner = evaluateCondition(c.not, ctx);
    return { ...inner, truth: not(inner.truth) };
  }
  const op = operatorOf(c);
  if (!op) return { truth: 'unknown', reason: 'the condition has no operator' };
  const expected = c[op];
  if (c.count) return countCondition(c.count, op, expected, ctx);
  if (c.field !== undefined) return fieldCondition(c.field, op, expected, ctx);
  if ('value' in c) {
    const v = evaluateValue(c.value, ctx);
    if (isUnknown(v)) return { truth: 'unknown', reason: v.reason };
    const e = evaluateValue(expected, ctx);
    const t = applyOperator(op, v, e);
    if (t !== 'unknown') return { truth: t };
    return { truth: t, reason: (findUnknown(v) ?? findUnknown(e))?.reason ?? 'the value is unknown' };
  }
  return { truth: 'unknown', reason: 'the condition has no field, value or count' };
}

const OPERATOR_RANK = new Map<string, number>(OPERATORS.map((o, i) => [o, i]));

/** The condition's operator (the first in OPERATORS order if it names several). */
export function operatorOf(c: Condition): Operator | undefined {
  // A condition has a handful of keys: look them up rather than probing every operator.
  let best: Operator | undefined;
  let rank = Infinity;
  for (const key in c) {
    const r = OPERATOR_RANK.get(key);
    if (r !== undefined && r < rank) {
      rank = r;
      best = key as Operator;
    }
  }
  return best;
}

function combine(results: Evaluation[], mode: 'all' | 'any'): Evaluation {
  const t = mode === 'all' ? and(results.map((r) => r.truth)) : or(results.map((r) => r.truth));
  // The child that decided the result carries the evidence shown to the user.
  const decisive = results.find((r) => r.truth === t) ?? results[0];
  const reason = t === 'unknown' ? results.find((r) => r.truth === 'unknown')?.reason : undefined;
  return { truth: t, evidence: decisive?.evidence ?? results.find((r) => r.evidence)?.evidence, ...(reason ? { reason } : {}) };
}

function fieldCondition(field: string, op: Operator, expectedRaw: unknown, ctx: ConditionContext): Evaluation {
  if (!ctx.resource) return { truth: 'unknown', reason: `'field' needs a resource; set-level rules count resources instead` };
  const expected = evaluateValue(expectedRaw, ctx);
  if (isUnknown(expected)) return { truth: 'unknown', reason: expected.reason };
  const r = resolveField(ctx.resource, evaluateFieldName(field, ctx), { current: ctx.current, defaults: ctx.defaults });
  const resource = ctx.resource;
  if (!r.wildcard) {
    const sel: Selection = r.selections[0] ?? { path: field, value: undefined };
    return leaf(applyTo(op, sel, expected, resource), sel, expected);
  }
  if (r.selections.length === 0) {
    // Over an empty array `[*]` is vacuously true; over a missing one it is false (regorus).
    return { truth: r.missingArray ? 'false' : 'true', evidence: { path: field, actual: r.missingArray ? undefined : [] } };
  }
  return combine(r.selections.map((s) => leaf(applyTo(op, s, expected, resource), s, expected)), 'all');
}

/**
 * `secure`: the value comes from a secure parameter and is supplied at deployment (no value in
 * the scanned files: a Key Vault reference, getSecret(), a generated default). A secure
 * parameter whose value is written in the template or a parameters file is not kept secret.
 */
function applyTo(op: Operator, sel: Selection, expected: unknown, resource: Resource): Truth {
  if (op !== 'secure') return applyOperator(op, sel.value, expected);
  return truthOf(sel.value !== undefined && isFromSecretPath(resource, sel.path) && findUnknown(sel.value) !== undefined, expected);
}

function truthOf(holds: boolean, expected: unknown): Truth {
  return holds === Boolean(expected) ? 'true' : 'false';
}


function leaf(t: Truth, sel: Selection, expected?: unknown): Evaluation {
  const evidence: Evidence = { path: sel.path, actual: sel.value };
  if (sel.defaulted) evidence.defaulted = true;
  if (t === 'unknown') {
    const u = findUnknown(sel.value);
    const ue = u ? undefined : findUnknown(expected);
    return { truth: t, evidence, reason: u ? `${sel.path}: ${u.reason}` : ue ? ue.reason : `${sel.path} is unknown` };
  }
  return { truth: t, evidence };
}

/** A field name may itself be an expression (`[concat('tags[', parameters('tag'), ']')]`). */
function evaluateFieldName(field: string, ctx: ConditionContext): string {
  if (!isExpression(field)) return field;
  const v = evaluateValue(field, ctx);
  return typeof v === 'string' ? v : field;
}

function countCondition(spec: CountSpec, op: Operator, expectedRaw: unknown, ctx: ConditionContext): Evaluation {
  const expected = evaluateValue(expectedRaw, ctx);
  if (isUnknown(expected)) return { truth: 'unknown', reason: expected.reason };
  const counted = countItems(spec, ctx);
  if ('unknownBecause' in counted) return { truth: 'unknown', reason: counted.unknownBecause };
  const { min, max, reason, evidence } = counted;
  const outcomes = new Set<Truth>();
  for (let n = min; n <= max; n++) outcomes.add(applyOperator(op, n, expected));
  const t: Truth = outcomes.size === 1 ? [...outcomes][0] : 'unknown';
  return { truth: t, evidence: evidence ?? { path: spec.field ?? describeCount(spec), actual: min === max ? min : `${min}..${max}` }, ...(t === 'unknown' ? { reason: reason ?? 'the count depends on unknown values' } : {}) };
}

function describeCount(spec: CountSpec): string {
  if (spec.related) return `${spec.related}:${[spec.type].flat().join(',')}`;
  if (spec.resources) return `resources:${[spec.resources.type].flat().join(',')}`;
  if (spec.distinct) return `distinct:${spec.distinct.field}`;
  return 'count';
}

interface CountRange {
  min: number;
  max: number;
  reason?: string;
  evidence?: Evidence;
}

/** How many items satisfy `where`: a range, since an unknown `where` may or may not count. */
function countItems(spec: CountSpec, ctx: ConditionContext): CountRange | { unknownBecause: string } {
  if (spec.related) {
    if (!ctx.resource) return { unknownBecause: 'relations need a resource' };
    const unread = spec.related === 'references' || spec.related === 'referencedBy' ? undefined : unreadRelation(ctx.set, ctx.resource, spec.type);
    if (unread) return { unknownBecause: unread };
    const rel = relatedResources(ctx.set, ctx.resource, spec.related, spec.type, spec.via);
    const test = (r: Resource): Evaluation => spec.where ? evaluateCondition(spec.where, { ...ctx, resource: r, current: [], defaults: undefined }) : { truth: 'true' };
    // What an audit could not read, or a template may not deploy, may be there or not.
    const standIns = rel.definite.filter(uncertain);
    const range = tally(standIns.length ? rel.definite.filter((r) => !uncertain(r)) : rel.definite, test);
    // A resource whose link is unknown may count, unless `where` is false for it anyway.
    const possible = tally(rel.possible, test).max + (rel.unresolved ?? 0) + tally(standIns, test).max;
    return { ...range, max: range.max + possible, reason: range.reason ?? (standIns.length ? uncertainty(standIns[0]) : possible ? rel.reason : undefined) };
  }
  const counted = spec.resources?.type ?? spec.distinct?.type;
  if ((spec.resources || spec.distinct) && counted !== undefined && ctx.set.readFromAzure) {
    const missing = [counted].flat().filter((t) => !ctx.set.wasCollected(t)).map(outsideResourceGraph).find((x) => x);
    if (missing) return { unknownBecause: missing };
  }
  if (spec.resources) {
    const list = ofTypes(ctx.set, spec.resources.type, ctx.resource);
    const where = spec.resources.where;
    const test = (r: Resource): Evaluation => where ? evaluateCondition(where, { ...ctx, resource: r, current: [], defaults: undefined }) : { truth: 'true' };
    const standIns = list.filter(uncertain);
    if (!standIns.length) return tally(list, test);
    const range = tally(list.filter((r) => !uncertain(r)), test);
    const maybe = tally(standIns, test).max;
    return { ...range, max: range.max + maybe, reason: range.reason ?? (maybe ? uncertainty(standIns[0]) : undefined) };
  }
  if (spec.distinct) {
    const d = spec.distinct;
    const seen = new Set<string>();
    const maybe = new Set<string>();
    let unknown = 0;
    let maybeUnknown = 0;
    let reason: string | undefined;
    for (const r of ofTypes(ctx.set, d.type, ctx.resource)) {
      const w = d.where ? evaluateCondition(d.where, { ...ctx, resource: r, current: [], defaults: undefined }) : undefined;
      if (w?.truth === 'false') continue;
      const v = resolveField(r, d.field, { current: [] }).selections[0]?.value;
      if (w?.truth === 'unknown') {
        // It may or may not be counted: it can only raise the maximum.
        if (isUnknown(v)) maybeUnknown++;
        else if (v !== undefined && v !== null) maybe.add(String(v).toLowerCase().replace(/\s+/g, ''));
        else continue;
        reason ??= `${r.name}: ${w.reason ?? 'the condition is unknown'}`;
      } else if (isUnknown(v)) {
        unknown++;
        reason = `${r.name}: ${v.reason}`;
      } else if (v !== undefined && v !== null) seen.add(String(v).toLowerCase().replace(/\s+/g, ''));
    }
    const extra = [...maybe].filter((x) => !seen.has(x)).length + maybeUnknown;
    return { min: Math.max(seen.size, unknown > 0 && seen.size === 0 ? 1 : seen.size), max: seen.size + unknown + extra, reason, evidence: { path: d.field, actual: [...seen].sort() } };
  }
  if (spec.field !== undefined) {
    if (!ctx.resource) return { unknownBecause: `'count.field' needs a resource` };
    const path = fieldToPath(spec.field, ctx.resource.type);
    if (typeof path !== 'string') return { min: 0, max: 0 };
    const r = resolveField(ctx.resource, path, { current: ctx.current, defaults: ctx.defaults });
    const unknownArray = isJsonPathField(path) ? undefined : r.selections.find((s) => isUnknown(s.value) && !s.path.match(/\[\d+\]$/));
    if (unknownArray) return { unknownBecause: `${unknownArray.path}: ${(unknownArray.value as Unknown).reason}` };
    const segs = isJsonPathField(path) ? path : parseFieldPath(path);
    const prefix = typeof segs === 'string' ? path.toLowerCase() : normalizePath(segs);
    // current() without a name is this (innermost) count's element, not an outer value count's.
    const values = new Map(ctx.values);
    values.delete('');
    return tally(r.selections, (s) => spec.where ? evaluateCondition(spec.where, { ...ctx, values, current: [...ctx.current, { prefix, element: s }] }) : { truth: 'true' }, { path: spec.field, actual: r.selections.length });
  }
  if ('value' in spec) {
    const list = evaluateValue(spec.value, ctx);
    if (isUnknown(list)) return { unknownBecause: list.reason };
    if (!Array.isArray(list)) return { unknownBecause: 'count.value must be an array' };
    const name = spec.name ?? 'default';
    return tally(list, (el) => {
      if (!spec.where) return { truth: 'true' };
      const values = new Map(ctx.values);
      values.set(name.toLowerCase(), el);
      values.set('', el);
      return evaluateCondition(spec.where, { ...ctx, values });
    });
  }
  return { unknownBecause: 'count needs field, value, related, resources or distinct' };
}

/** A resource that may not be there: a stand-in for what an audit could not read, or one a template deploys only under a condition that is unknown. */
function uncertain(r: Resource): boolean {
  return r.unreadable !== undefined || r.deployedIf !== undefined;
}

function uncertainty(r: Resource): string {
  return r.unreadable ?? `${r.name}: ${r.deployedIf}`;
}

function tally<T>(items: readonly T[], test: (item: T) => Evaluation, evidence?: Evidence): CountRange {
  let min = 0;
  let max = 0;
  let reason: string | undefined;
  for (const item of items) {
    const e = test(item);
    if (e.truth === 'true') {
      min++;
      max++;
    } else if (e.truth === 'unknown') {
      max++;
      reason ??= e.reason;
    }
  }
  return { min, max, ...(reason ? { reason } : {}), ...(evidence ? { evidence } : {}) };
}

/**
 * The resources of `type` a count sees: from a template resource, those of its own deployment (a
 * lock on the resource group in dev/ protects nothing in prod/); from a set-level rule or a
 * resource read from Azure, the whole set.
 */
function ofTypes(set: ResourceSet, type: string | string[] | undefined, from: Resource | undefined): Resource[] {
  const all = type === undefined ? set.resources : [type].flat().flatMap((t) => set.ofType(t));
  const deployment = from?.deployment;
  return deployment === undefined ? all : all.filter((r) => r.deployment === deployment);
}

/** Literal values pass through; `[expr]` strings are evaluated with the policy functions. */
export function evaluateValue(v: unknown, ctx: ConditionContext): Value | undefined {
  if (typeof v !== 'string') return v as Value;
  if (!isExpression(v)) return unescapeLiteral(v);
  const parsed = parseBracketed(v);
  if (!parsed.ok) return new Unknown(`invalid expression ${v}: ${parsed.error.message}`);
  try {
    return evaluateExpression(parsed.node, policyContext(ctx));
  } catch (e) {
    if (e instanceof EvaluationError) return new Unknown(`${v}: ${e.message}`);
    throw e;
  }
}

function policyContext(ctx: ConditionContext): EvalContext {
  const local: Record<string, TemplateFunction> = {
    field: {
      evaluate(args) {
        const resource = ctx.fieldFunctionResource ?? ctx.resource;
        if (!resource || typeof args[0] !== 'string') return null;
        const r = resolveField(resource, args[0], ctx.fieldFunctionResource ? { current: [] } : { current: ctx.current, defaults: ctx.defaults });
        if (r.wildcard) return r.selections.map((s) => (s.value === undefined ? null : s.value)) as Value;
        const v = (r.selections[0]?.value ?? null) as Value;
        // `x[*]…` inside a count over `x[*]` reads the current element, still as an array.
        return args[0].includes('[*]') && !isUnknown(v) ? [v] : v;
      },
    },
    // Azure Policy's request context: compliance scans read resources with their own apiVersion.
    requestcontext: {
      evaluate() {
        const resource = ctx.fieldFunctionResource ?? ctx.resource;
        return { apiVersion: resource?.apiVersion ?? new Unknown('the request api-version is unknown'), identity: new Unknown('the identity making the request is only known in Azure') } as Value;
      },
    },
    current: {
      evaluate(args) {
        const name = typeof args[0] === 'string' ? args[0] : '';
        if (ctx.values.has(name.toLowerCase())) return ctx.values.get(name.toLowerCase()) as Value;
        if (!name) {
          const el = ctx.current[ctx.current.length - 1];
          if (el) return (el.element.value ?? null) as Value;
        } else if (ctx.resource) {
          // The counted field or alias (`…/securityRules[*]`), or a path under it (`…/securityRules[*].access`).
          const path = fieldToPath(name, ctx.resource.type);
          const segs = typeof path === 'string' ? parseFieldPath(path) : path.error;
          const key = typeof segs === 'string' ? undefined : normalizePath(segs);
          if (key !== undefined && ctx.current.some((c) => key === c.prefix || key.startsWith(c.prefix + '.') || key.startsWith(c.prefix + '['))) {
            const r = resolveField(ctx.resource, name, { current: ctx.current });
            if (r.wildcard) return r.selections.map((s) => (s.value === undefined ? null : s.value)) as Value;
            return (r.selections[0]?.value ?? null) as Value;
          }
        }
        throw new EvaluationError(`current('${name}') is used outside a count over it`);
      },
    },
  };
  return {
    deployment: DEFAULT_DEPLOYMENT,
    parameter: (name) => (ctx.parameters?.get(name.toLowerCase()) as Value | undefined),
    variable: () => undefined,
    copyIndex: () => undefined,
    unsupported: () => undefined,
    localFunction: (name) => local[name],
  };
}
