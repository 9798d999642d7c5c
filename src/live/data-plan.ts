// Decides, from the selected rules alone, what an audit must collect: the resource types for the
// one Resource Graph query, and the ARM GETs for related data Resource Graph lacks (a
// `count.related: extension` of diagnostic settings on a Key Vault rule means "diagnostic settings
// of every vault"; a rule on firewall rules means "list the firewall rules of every workspace").
import type { Condition } from '../engine/condition.js';
import type { Rule } from '../rules/rule.js';
import { canonicalType } from '../model/canonical-type.js';
import { armOnlyType, RESOURCE_GROUPS, SUBSCRIPTIONS, type ArmOnlyType } from './arm-only-types.js';

export interface ExtraFetch {
  /** Read `target` for every resource of this type… */
  parentType: string;
  target: ArmOnlyType;
  /**
   * …or, when `always` is false, only for those that one of `rules` (rules on `parentType` that
   * relate to `target` from their own resource) applies to.
   */
  always: boolean;
  rules: Rule[];
}

export interface LiveDataPlan {
  /** Canonical types for the Resource Graph query, sorted. */
  queryTypes: string[];
  /** A rule counts every resource whatever its type: the query takes all types. */
  allTypes: boolean;
  /** ARM GETs, parents before the children that need them. */
  fetches: ExtraFetch[];
  /** Needs the plan cannot serve (an extension type without a resource to hang it on). */
  notes: string[];
  /**
   * Types Resource Graph lacks that the fetches read completely for the audited scopes (budgets):
   * finding none of them is knowledge.
   */
  collected: string[];
}

export function planLiveData(rules: readonly Rule[]): LiveDataPlan {
  const query = new Set<string>();
  const fetches = new Map<string, ExtraFetch>();
  const notes = new Set<string>();
  let allTypes = false;

  const ensureType = (type: string, owner?: Rule): void => {
    const t = armOnlyType(type);
    if (!t) {
      query.add(canonicalType(type));
      return;
    }
    if (t.access === 'extension') return; // only reachable through a resource it extends
    if (t.access === 'scope') {
      for (const parent of [SUBSCRIPTIONS, RESOURCE_GROUPS]) {
        const key = `${parent.toLowerCase()}|${t.type.toLowerCase()}`;
        fetches.set(key, { parentType: parent, target: t, always: true, rules: [] });
      }
      return;
    }
    const parent = t.type.split('/').slice(0, -1).join('/');
    ensureType(parent, owner);
    if (t.access !== 'embedded') addFetch(parent, t, owner);
  };
  const addFetch = (parentType: string, target: ArmOnlyType, owner?: Rule): void => {
    const parent = canonicalType(parentType);
    const key = `${parent.toLowerCase()}|${target.type.toLowerCase()}`;
    const f = fetches.get(key) ?? { parentType: parent, target, always: false, rules: [] };
    fetches.set(key, f);
    // Only a rule on the parent itself can say "this resource does not need it" (its `when`).
    if (owner && owner.resourceTypes.some((t) => t.toLowerCase() === parent.toLowerCase())) {
      if (!f.rules.includes(owner)) f.rules.push(owner);
    } else f.always = true;
  };
  const related = (parentType: string, type: string, kind: 'child' | 'extension', owner?: Rule): void => {
    const t = armOnlyType(type);
    if (kind === 'extension') {
      if (t && t.access !== 'embedded') addFetch(parentType, t, owner);
      else query.add(canonicalType(type));
      return;
    }
    // Descendants (storageAccounts/blobServices/containers of storageAccounts) need their parents.
    ensureType(type, owner);
  };

  /** `owner`: the rule, while `context` is still the rule's own resource. */
  const walk = (c: Condition | undefined, context: string[], ruleId: string, owner?: Rule): void => {
    if (!c) return;
    for (const sub of [...(c.allOf ?? []), ...(c.anyOf ?? []), ...(c.not ? [c.not] : [])]) walk(sub, context, ruleId, owner);
    const spec = c.count;
    if (!spec) return;
    if (spec.related) {
      const raw = spec.type === undefined ? [] : [spec.type].flat();
      const types = raw.flatMap((t) => (t.includes('.') ? [t] : context.map((ctx) => `${ctx}/${t}`)));
      const kind = spec.related;
      if (kind === 'referencedBy' || kind === 'references') {
        // Links by id or URL: the resources at either end must be in the set, whatever their parent.
        if (!raw.length) allTypes = true;
        types.forEach((t) => ensureType(t));
        walk(spec.where, types, ruleId);
        return;
      }
      if (!raw.length) notes.add(`${ruleId}: a '${kind}' relation without a type cannot be read live; give the relation a type`);
      // The list of a resource's extensions (locks) includes those inherited from its resource
      // group and subscription: one fetch serves both relations.
      const fetchKind = kind === 'inheritedExtension' ? 'extension' : kind;
      for (const ctx of context) for (const t of types) if (fetchKind === 'extension' || t.toLowerCase().startsWith(ctx.toLowerCase() + '/')) related(ctx, t, fetchKind, owner);
      walk(spec.where, types, ruleId);
      return;
    }
    const setTypes = spec.resources?.type ?? spec.distinct?.type;
    if ((spec.resources || spec.distinct) && setTypes === undefined) {
      allTypes = true; // "every resource" (e.g. allowed locations) needs every type in scope
      walk(spec.resources?.where ?? spec.distinct?.where, [], ruleId);
      return;
    }
    if (setTypes !== undefined) {
      const types = [setTypes].flat();
      for (const t of types) {
        if (armOnlyType(t)?.access === 'extension') continue; // served by what resource rules fetch
        ensureType(t);
      }
      walk(spec.resources?.where ?? spec.distinct?.where, types, ruleId);
      return;
    }
    walk(spec.where, context, ruleId, owner);
  };

  for (const rule of rules) {
    if (rule.scope === 'resource') rule.resourceTypes.forEach((t) => ensureType(t));
    const owner = rule.scope === 'resource' ? rule : undefined;
    walk(rule.when, rule.resourceTypes, rule.id, owner);
    walk(rule.expect, rule.resourceTypes, rule.id, owner);
  }
  const depth = (t: string): number => t.split('/').length;
  return {
    queryTypes: [...query].sort((a, b) => a.localeCompare(b)),
    allTypes,
    fetches: [...fetches.values()].sort((a, b) => depth(a.parentType) - depth(b.parentType) || a.parentType.localeCompare(b.parentType) || a.target.type.localeCompare(b.target.type)),
    notes: [...notes],
    collected: [...new Set([...fetches.values()].filter((f) => f.target.access === 'scope').map((f) => f.target.type))].sort(),
  };
}
