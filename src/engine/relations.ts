// Relations between resources that rules can count: children, extension resources (diagnostic
// settings, locks) and resources that reference this one (private endpoints). Candidates whose
// link is Unknown are "possible": they may or may not be related.
import { isUnknown } from '../core/unknown.js';
import type { Resource } from '../model/resource.js';
import type { ResourceSet } from '../model/resource-set.js';
import type { RelationKind } from './condition.js';
import { resolveField } from './resolve-field.js';

export interface Related {
  definite: Resource[];
  possible: Resource[];
  reason?: string;
}

export function relatedResources(set: ResourceSet, resource: Resource, kind: RelationKind, type: string | string[] | undefined, via?: string): Related {
  const types = type === undefined ? undefined : [type].flat();
  switch (kind) {
    case 'child': {
      const all = set.childrenOf(resource);
      return { definite: types ? all.filter((r) => types.some((t) => matchesType(r, t, resource))) : all, possible: [] };
    }
    case 'extension': {
      const definite = set.extensionsOf(resource).filter((r) => !types || types.some((t) => matchesType(r, t)));
      const candidates = types ? types.flatMap((t) => set.ofType(t)) : set.resources;
      const possible = candidates.filter((r) => isUnknown(r.scope) && sameFile(r, resource));
      return { definite, possible, ...(possible.length ? { reason: `the scope of ${possible[0].type} '${possible[0].name}' is unknown` } : {}) };
    }
    case 'referencedBy': {
      const id = resource.id.toLowerCase();
      const candidates = types ? types.flatMap((t) => set.ofType(t)) : set.resources;
      const definite: Resource[] = [];
      const possible: Resource[] = [];
      for (const r of candidates) {
        if (r === resource) continue;
        const values = via ? resolveField(r, via, { current: [] }).selections.map((s) => s.value) : collectStrings(r.properties);
        if (values.some((v) => typeof v === 'string' && v.toLowerCase() === id)) definite.push(r);
        else if (via && values.some(isUnknown) && sameFile(r, resource)) possible.push(r);
      }
      return { definite, possible, ...(possible.length ? { reason: `the target of ${possible[0].type} '${possible[0].name}' is unknown` } : {}) };
    }
  }
}

function matchesType(r: Resource, t: string, parent?: Resource): boolean {
  const full = parent && !t.includes('.') ? `${parent.type}/${t}` : t;
  return r.type.toLowerCase() === full.toLowerCase();
}

/** An Unknown link can only point inside the deployment it was declared in. */
function sameFile(a: Resource, b: Resource): boolean {
  return a.file !== undefined && a.file === b.file;
}

function collectStrings(v: unknown, out: unknown[] = []): unknown[] {
  if (typeof v === 'string') out.push(v);
  else if (Array.isArray(v)) v.forEach((x) => collectStrings(x, out));
  else if (v && typeof v === 'object' && !isUnknown(v)) Object.values(v).forEach((x) => collectStrings(x, out));
  return out;
}
