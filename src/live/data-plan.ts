// Decides, from the selected rules alone, what an audit must collect: the resource types for the
// one Resource Graph query, and the ARM GETs for related data Resource Graph lacks (a
// `count.related: extension` of diagnostic settings on a Key Vault rule means "diagnostic settings
// of every vault"; a rule on firewall rules means "list the firewall rules of every workspace").
import type { Condition } from '../engine/condition.js';
import type { Rule } from '../rules/rule.js';
import { canonicalType } from '../model/canonical-type.js';
import { armOnlyType, type ArmOnlyType } from './arm-only-types.js';

export interface ExtraFetch {
  /** Read `target` for every resource of this type. */
  parentType: string;
  target: ArmOnlyType;
}

export interface LiveDataPlan {
  /** Canonical types for the Resource Graph query, sorted. */
  queryTypes: string[];
  /** ARM GETs, parents before the children that need them. */
  fetches: ExtraFetch[];
  /** Needs the plan cannot serve (an extension type without a resource to hang it on). */
  notes: string[];
}

export function planLiveData(rules: readonly Rule[]): LiveDataPlan {
  const query = new Set<string>();
  const fetches = new Map<string, ExtraFetch>();
  const notes = new Set<string>();

  const ensureType = (type: string): void => {
    const t = armOnlyType(type);
    if (!t) {
      query.add(canonicalType(type));
      return;
    }
    if (t.access === 'extension') return; // only reachable through a resource it extends
    const parent = t.type.split('/').slice(0, -1).join('/');
    ensureType(parent);
    addFetch(parent, t);
  };
  const addFetch = (parentType: string, target: ArmOnlyType): void => {
    const parent = canonicalType(parentType);
    fetches.set(`${parent.toLowerCase()}|${target.type.toLowerCase()}`, { parentType: parent, target });
  };
  const related = (parentType: string, type: string, kind: 'child' | 'extension'): void => {
    const t = armOnlyType(type);
    if (kind === 'extension') {
      if (t) addFetch(parentType, t);
      else query.add(canonicalType(type));
      return;
    }
    // Descendants (storageAccounts/blobServices/containers of storageAccounts) need their parents.
    ensureType(type);
  };

  const walk = (c: Condition | undefined, context: string[], ruleId: string): void => {
    if (!c) return;
    for (const sub of [...(c.allOf ?? []), ...(c.anyOf ?? []), ...(c.not ? [c.not] : [])]) walk(sub, context, ruleId);
    const spec = c.count;
    if (!spec) return;
    if (spec.related) {
      const raw = spec.type === undefined ? [] : [spec.type].flat();
      const types = raw.flatMap((t) => (t.includes('.') ? [t] : context.map((ctx) => `${ctx}/${t}`)));
      if (!raw.length && spec.related !== 'referencedBy') notes.add(`${ruleId}: a '${spec.related}' relation without a type cannot be read live; give the relation a type`);
      if (spec.related === 'referencedBy') types.forEach(ensureType);
      else for (const ctx of context) for (const t of types) if (spec.related === 'extension' || t.toLowerCase().startsWith(ctx.toLowerCase() + '/')) related(ctx, t, spec.related);
      walk(spec.where, types, ruleId);
      return;
    }
    const setTypes = spec.resources?.type ?? spec.distinct?.type;
    if (setTypes !== undefined) {
      const types = [setTypes].flat();
      for (const t of types) {
        if (armOnlyType(t)?.access === 'extension') continue; // served by what resource rules fetch
        ensureType(t);
      }
      walk(spec.resources?.where ?? spec.distinct?.where, types, ruleId);
      return;
    }
    walk(spec.where, context, ruleId);
  };

  for (const rule of rules) {
    if (rule.scope === 'resource') rule.resourceTypes.forEach(ensureType);
    walk(rule.when, rule.resourceTypes, rule.id);
    walk(rule.expect, rule.resourceTypes, rule.id);
  }
  const depth = (t: string): number => t.split('/').length;
  return {
    queryTypes: [...query].sort((a, b) => a.localeCompare(b)),
    fetches: [...fetches.values()].sort((a, b) => depth(a.parentType) - depth(b.parentType) || a.parentType.localeCompare(b.parentType) || a.target.type.localeCompare(b.target.type)),
    notes: [...notes],
  };
}
