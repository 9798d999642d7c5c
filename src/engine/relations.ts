// Relations between resources that rules can count: children, extension resources (diagnostic
// settings, locks) and resources that reference this one (private endpoints). Candidates whose
// link is Unknown are "possible": they may or may not be related.
import { spelledOutId } from '../arm/deployment-context.js';
import { isUnknown } from '../core/unknown.js';
import { armOnlyType } from '../live/arm-only-types.js';
import type { Resource } from '../model/resource.js';
import { scopedKey, type ResourceSet } from '../model/resource-set.js';
import type { RelationKind } from './condition.js';
import { resolveField } from './resolve-field.js';

export interface Related {
  definite: Resource[];
  possible: Resource[];
  /** Links whose target is unknown altogether: each may or may not count. */
  unresolved?: number;
  reason?: string;
}

export function relatedResources(set: ResourceSet, resource: Resource, kind: RelationKind, type: string | string[] | undefined, via?: string): Related {
  const types = type === undefined ? undefined : [type].flat();
  switch (kind) {
    case 'child': {
      const definite = types ? types.flatMap((t) => set.childrenOf(resource, t)) : set.childrenOf(resource);
      // A child whose name is unknown and that sits under no resource may be this one's.
      const possible = (orphanChildren(set, types).get(fileKey(resource)) ?? []).filter((c) => isChildType(c.type, resource.type));
      return { definite, possible, ...(possible.length ? { reason: `the parent of ${possible[0].type} '${possible[0].name}' is unknown` } : {}) };
    }
    case 'extension': {
      const definite = set.extensionsOf(resource).filter((r) => !types || types.some((t) => matchesType(r, t)));
      const possible = unknownLinks(set, 'extension', types, undefined).get(fileKey(resource)) ?? [];
      return { definite, possible, ...(possible.length ? { reason: `the scope of ${possible[0].type} '${possible[0].name}' is unknown` } : {}) };
    }
    case 'inheritedExtension': {
      // Extension resources scoped to this resource or to one above it (its parent resource,
      // resource group, subscription): a lock applies to everything below its scope.
      const index = inheritedIndex(set, types);
      const definite = [...new Set(scopesAbove(resource.id).flatMap((scope) => index.get(scopedKey(resource.deployment, scope)) ?? []))].filter((r) => r !== resource);
      const possible = unknownLinks(set, 'extension', types, undefined).get(fileKey(resource)) ?? [];
      return { definite, possible, ...(possible.length ? { reason: `the scope of ${possible[0].type} '${possible[0].name}' is unknown` } : {}) };
    }
    case 'references': {
      // Outgoing: the resources this one names at `via` (a workspace's default data lake).
      const values = via ? linkValues(resource, via) : [];
      const definite: Resource[] = [];
      for (const link of values) {
        const v = linkId(link);
        if (v === undefined) continue;
        // An endpoint URL (`https://<account>.dfs.core.windows.net`) names its resource by host.
        const targets = v.startsWith('/') ? [set.byId(v, resource.deployment)] : byEndpointHost(set, resource, types, v);
        for (const target of targets) {
          if (target && target !== resource && (!types || types.some((t) => matchesType(target, t)))) definite.push(target);
        }
      }
      const unresolved = values.filter((v) => isUnknown(v) && linkId(v) === undefined).length;
      return { definite: [...new Set(definite)], possible: [], ...(unresolved ? { unresolved, reason: `${via} of '${resource.name}' is unknown` } : {}) };
    }
    case 'referencedBy': {
      const index = referenceIndex(set, types, via);
      const definite = (index.get(scopedKey(resource.deployment, resource.id)) ?? []).filter((r) => r !== resource);
      // Without `via`, a link whose name is unknown but whose type is this resource's
      // (`resourceId('…/registries', parameters('name'))`) may name this one.
      const possible = (via ? unknownLinks(set, 'referencedBy', types, via) : unknownIdLinks(set, types, resource.type)).get(fileKey(resource))?.filter((r) => r !== resource && !definite.includes(r)) ?? [];
      return { definite, possible, ...(possible.length ? { reason: `the target of ${possible[0].type} '${possible[0].name}' is unknown` } : {}) };
    }
  }
}

/**
 * Resources of `types` by the scope they apply to (within their deployment): their `scope`, or
 * for one declared without a scope (a lock on a resource group or subscription), the scope its
 * id names before `/providers/`.
 */
function inheritedIndex(set: ResourceSet, types: string[] | undefined): Map<string, Resource[]> {
  return set.memo(`inherited ${types?.join(',') ?? '*'}`, () => {
    const index = new Map<string, Resource[]>();
    for (const r of candidates(set, types)) {
      const scope = typeof r.scope === 'string' ? r.scope : r.scope === undefined ? scopeInId(r.id) : undefined;
      if (scope === undefined) continue;
      const k = scopedKey(r.deployment, scope);
      const list = index.get(k);
      if (list) list.push(r);
      else index.set(k, [r]);
    }
    return index;
  });
}

/** `/subscriptions/s/resourceGroups/rg/providers/Microsoft.Authorization/locks/l` → `/subscriptions/s/resourceGroups/rg`. */
function scopeInId(id: string): string | undefined {
  const at = id.toLowerCase().lastIndexOf('/providers/');
  return at > 0 ? id.slice(0, at) : undefined;
}

/**
 * An id and the scopes above it: parent resources, the scope the resource is deployed at (a
 * resource group, a subscription, or the resource an extension resource extends) and theirs.
 */
export function scopesAbove(id: string): string[] {
  const out: string[] = [];
  let current: string | undefined = id.replace(/\/+$/, '');
  while (current) {
    out.push(current);
    const segs: string[] = current.split('/');
    const lower = segs.map((x) => x.toLowerCase());
    const providers = lower.lastIndexOf('providers');
    if (providers > 0) {
      // providers/<namespace>/<type>/<name>[/<type>/<name>…]: drop one type/name pair at a time.
      if (segs.length - providers > 4) current = segs.slice(0, -2).join('/');
      else current = segs.slice(0, providers).join('/');
    } else if (lower[3] === 'resourcegroups' && segs.length >= 5) current = segs.slice(0, 3).join('/');
    else current = undefined;
  }
  return out;
}

/** Resources of `types` in the deployment of `from` whose name is the first label of the URL's host. */
function byEndpointHost(set: ResourceSet, from: Resource, types: string[] | undefined, url: string): Resource[] {
  const host = /^[a-z]+:\/\/([^/:.]+)\./i.exec(url)?.[1]?.toLowerCase();
  if (!host || !types) return [];
  const index = set.memo(`names ${types.join(',')}`, () => {
    const byName = new Map<string, Resource[]>();
    for (const r of candidates(set, types)) {
      const k = scopedKey(r.deployment, r.name);
      const list = byName.get(k);
      if (list) list.push(r);
      else byName.set(k, [r]);
    }
    return byName;
  });
  return index.get(scopedKey(from.deployment, host)) ?? [];
}

function candidates(set: ResourceSet, types: string[] | undefined): Resource[] {
  return types ? types.flatMap((t) => set.ofType(t)) : set.resources;
}

function linkValues(r: Resource, via: string | undefined): unknown[] {
  return via ? resolveField(r, via, { current: [] }).selections.map((s) => s.value) : collectStrings(r.properties);
}

/** Referenced id (scoped to the referrer's deployment) → the resources of `types` whose `via` holds it. */
function referenceIndex(set: ResourceSet, types: string[] | undefined, via: string | undefined): Map<string, Resource[]> {
  return set.memo(`ref ${types?.join(',') ?? '*'} ${via ?? '*'}`, () => {
    const index = new Map<string, Resource[]>();
    for (const r of candidates(set, types)) {
      for (const v of new Set(linkValues(r, via).map(linkId).filter((x): x is string => x !== undefined).map((x) => scopedKey(r.deployment, x)))) {
        const list = index.get(v);
        if (list) list.push(r);
        else index.set(v, [r]);
      }
    }
    return index;
  });
}

/**
 * Resources whose link (extension scope, or `via` value) is Unknown, by file (within its
 * deployment): an Unknown link can only point inside the deployment it was declared in.
 */
function unknownLinks(set: ResourceSet, kind: 'extension' | 'referencedBy', types: string[] | undefined, via: string | undefined): Map<string, Resource[]> {
  return set.memo(`unknown ${kind} ${types?.join(',') ?? '*'} ${via ?? ''}`, () =>
    byFileWhere(set, types, (r) => (kind === 'extension' ? isUnknown(r.scope) : linkValues(r, via).some((v) => isUnknown(v) && linkId(v) === undefined))),
  );
}

/**
 * Resources of `types` holding, anywhere in their properties, the id of a resource of `target` type
 * whose name is unknown, by file (within their deployment).
 */
function unknownIdLinks(set: ResourceSet, types: string[] | undefined, target: string): Map<string, Resource[]> {
  const wanted = target.toLowerCase();
  return set.memo(`unknown-id ${types?.join(',') ?? '*'} ${wanted}`, () => byFileWhere(set, types, (r) => holdsUnknownIdOf(r.properties, wanted)));
}

function holdsUnknownIdOf(v: unknown, type: string): boolean {
  if (isUnknown(v)) return v.idOf?.toLowerCase() === type;
  if (Array.isArray(v)) return v.some((x) => holdsUnknownIdOf(x, type));
  if (v && typeof v === 'object') return Object.values(v).some((x) => holdsUnknownIdOf(x, type));
  return false;
}

/**
 * Child resources (of `types`) whose name is unknown and whose id names no resource of the set as
 * their parent, by file (within their deployment).
 */
function orphanChildren(set: ResourceSet, types: string[] | undefined): Map<string, Resource[]> {
  return set.memo(`orphans ${types?.join(',') ?? '*'}`, () =>
    byFileWhere(set, types, (r) => r.name.includes('{unknown') && r.type.split('/').length >= 3 && !set.byId(r.id.split('/').slice(0, -2).join('/'), r.deployment)),
  );
}

/**
 * The template resources of `types` that `test` holds for, by file (within their deployment): what
 * an unknown link may point at lies in the file it was declared in.
 */
function byFileWhere(set: ResourceSet, types: string[] | undefined, test: (r: Resource) => boolean): Map<string, Resource[]> {
  const byFile = new Map<string, Resource[]>();
  for (const r of candidates(set, types)) {
    if (r.file === undefined || !test(r)) continue;
    const k = fileKey(r);
    const list = byFile.get(k);
    if (list) list.push(r);
    else byFile.set(k, [r]);
  }
  return byFile;
}

/** Whether `child` is a type directly below `parent` (`Ns/a/b` below `Ns/a`). */
function isChildType(child: string, parent: string): boolean {
  return child.length > parent.length && child.toLowerCase().startsWith(parent.toLowerCase() + '/') && !child.slice(parent.length + 1).includes('/');
}

/**
 * A link as an id: a string, or an id in a resource group or subscription known only at
 * deployment, which resource ids spell the same way.
 */
function linkId(v: unknown): string | undefined {
  return typeof v === 'string' ? v : spelledOutId(v);
}

function matchesType(r: Resource, t: string): boolean {
  return r.type.toLowerCase() === t.toLowerCase();
}

function collectStrings(v: unknown, out: unknown[] = []): unknown[] {
  // An id known only at deployment that still spells which resource it names is a link too.
  if (typeof v === 'string' || (isUnknown(v) && spelledOutId(v) !== undefined)) out.push(v);
  else if (Array.isArray(v)) v.forEach((x) => collectStrings(x, out));
  else if (v && typeof v === 'object' && !isUnknown(v)) Object.values(v).forEach((x) => collectStrings(x, out));
  return out;
}

function fileKey(r: Resource): string {
  return `${r.deployment ?? ''}\u0000${r.file ?? ''}`;
}

/**
 * Why the resources of `type` related to `resource` are not known: it was read from an export of
 * Resource Graph rows, Resource Graph does not hold that type (src/live/arm-only-types.ts), and
 * the export has no row of it. Counting them would read "none" where nobody looked.
 */
export function unreadRelation(set: ResourceSet, resource: Resource, type: string | string[] | undefined): string | undefined {
  if (!resource.exported || type === undefined) return undefined;
  for (const t of [type].flat()) {
    const armOnly = armOnlyType(t);
    // Embedded types (subnets, security rules) are in the parent's properties, where rules read them.
    if (!armOnly || armOnly.access === 'embedded') continue;
    // Each export file says for itself whether it was made by something that reads the type.
    const exportedTypes = set.memo('exported-types', () => {
      const byFile = new Map<string | undefined, Set<string>>();
      for (const r of set.resources) {
        if (!r.exported) continue;
        if (!byFile.has(r.file)) byFile.set(r.file, new Set());
        byFile.get(r.file)!.add(r.type.toLowerCase());
      }
      return byFile;
    });
    if (exportedTypes.get(resource.file)?.has(armOnly.type.toLowerCase())) continue;
    return `${armOnly.type} resources are not in Azure Resource Graph and ${resource.file ?? 'the export'} has none, so whether there are any is not known; run azready audit (it reads them through ARM), or scan the snapshot it saves with --save-snapshot`;
  }
  return undefined;
}
