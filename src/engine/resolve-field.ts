// Resolves a `field` against a resource: root fields with Azure Policy's meanings (`name` is the
// last segment, `fullName` the whole), ARM paths with case-insensitive keys, aliases, `[*]`
// expansion, the current element inside `count.where`, and Azure defaults for absent properties.
import { Unknown, isUnknown } from '../core/unknown.js';
import type { Resource } from '../model/resource.js';
import { aliasToPath, isAlias } from './alias.js';
import { parseFieldPath, type FieldSegment } from './field-path.js';
import { isJsonPathField, resolveJsonPath } from './json-path-field.js';

/** One selected value with its concrete path; `value` undefined means absent. */
export interface Selection {
  path: string;
  value: unknown;
  /** True when the value is Azure's default for an absent property. */
  defaulted?: boolean;
}

export interface FieldResult {
  /** The path had `[*]`: the selections are the elements (implicit all-of). */
  wildcard: boolean;
  selections: Selection[];
  /** A `[*]` went over an absent or non-array value. */
  missingArray: boolean;
  /** The field could not be resolved (an alias of another type, a malformed path). */
  error?: string;
}

/** An element being counted: field paths under `prefix` resolve inside `element`. */
export interface CurrentElement {
  prefix: string;
  element: Selection;
}

export interface ResolveContext {
  current: CurrentElement[];
  /** Normalized path → default value, already filtered by the resource's apiVersion. */
  defaults?: Map<string, unknown>;
}

const viewCache = new WeakMap<Resource, Record<string, unknown>>();

/** The object `field` paths are resolved against. */
export function resourceView(r: Resource): Record<string, unknown> {
  let v = viewCache.get(r);
  if (v) return v;
  const short = r.name.split('/').pop() ?? r.name;
  v = {
    id: r.id,
    name: short,
    fullName: r.name,
    type: r.type,
    apiVersion: r.apiVersion,
    location: typeof r.location === 'string' ? r.location.toLowerCase().replace(/\s+/g, '') : r.location,
    kind: r.kind,
    sku: r.sku,
    identity: r.identity,
    tags: r.tags,
    zones: r.zones,
    plan: r.plan,
    properties: r.properties,
    scope: r.scope,
  };
  viewCache.set(r, v);
  return v;
}

/** `properties.a[*].b` in lower case without quotes: the key for defaults and `current`. */
const normalizedCache = new WeakMap<readonly FieldSegment[], string>();

export function normalizePath(segments: readonly FieldSegment[]): string {
  // Parsed paths are cached arrays, so their normalized form is computed once per path.
  let hit = normalizedCache.get(segments);
  if (hit === undefined) {
    hit = segments.map((s) => (s.kind === 'key' ? `.${s.name.toLowerCase()}` : s.kind === 'all' ? '[*]' : `[${s.index}]`)).join('').replace(/^\./, '');
    normalizedCache.set(segments, hit);
  }
  return hit;
}

/** The ARM path a field names on this resource type (aliases mapped), or an error. */
const aliasCache = new Map<string, boolean>();

export function fieldToPath(field: string, resourceType: string): string | { error: string } {
  let alias = aliasCache.get(field);
  if (alias === undefined) {
    alias = isAlias(field);
    aliasCache.set(field, alias);
  }
  if (!alias) return field;
  const p = aliasToPath(field, resourceType);
  return p ?? { error: `the alias '${field}' does not apply to ${resourceType}` };
}

export function resolveField(resource: Resource, field: string, ctx: ResolveContext): FieldResult {
  if (isJsonPathField(field)) return resolveJsonPath(resourceView(resource), field, resource);
  const path = fieldToPath(field, resource.type);
  if (typeof path !== 'string') return { wildcard: false, selections: [], missingArray: false, error: path.error };
  const segments = parseFieldPath(path);
  if (typeof segments === 'string') return { wildcard: false, selections: [], missingArray: false, error: segments };

  let start: Selection = { path: '', value: resourceView(resource) };
  let rest = segments;
  const normalized = normalizePath(segments);
  for (let i = ctx.current.length - 1; i >= 0; i--) {
    const c = ctx.current[i];
    if (normalized === c.prefix || normalized.startsWith(c.prefix + '.') || normalized.startsWith(c.prefix + '[')) {
      start = c.element;
      rest = segments.slice(countSegments(c.prefix));
      break;
    }
  }

  let selections: Selection[] = [start];
  let wildcard = false;
  let missingArray = false;
  for (const seg of rest) {
    const next: Selection[] = [];
    for (const sel of selections) {
      const v = sel.value;
      if (isUnknown(v)) {
        next.push({ path: extend(sel.path, seg), value: v });
        continue;
      }
      if (seg.kind === 'all') {
        wildcard = true;
        if (Array.isArray(v)) v.forEach((el, i) => next.push({ path: `${sel.path}[${i}]`, value: el }));
        else missingArray = true;
      } else if (seg.kind === 'index') {
        next.push({ path: `${sel.path}[${seg.index}]`, value: Array.isArray(v) ? v[seg.index] : undefined });
      } else {
        next.push({ path: extend(sel.path, seg), value: getKey(v, seg.name) });
      }
    }
    selections = next;
  }

  if (!wildcard && ctx.defaults && selections.length === 1 && selections[0].value === undefined) {
    const key = normalized;
    if (ctx.defaults.has(key)) selections = [{ path: selections[0].path, value: ctx.defaults.get(key), defaulted: true }];
  }
  return { wildcard, selections, missingArray };
}

function countSegments(prefix: string): number {
  const segs = parseFieldPath(prefix);
  return typeof segs === 'string' ? 0 : segs.length;
}

function extend(path: string, seg: FieldSegment): string {
  if (seg.kind === 'all') return `${path}[*]`;
  if (seg.kind === 'index') return `${path}[${seg.index}]`;
  const simple = /^[A-Za-z_$][A-Za-z0-9_$-]*$/.test(seg.name);
  if (!simple) return `${path}['${seg.name.replace(/'/g, "''")}']`;
  return path ? `${path}.${seg.name}` : seg.name;
}

/** Object member lookup, case-insensitive as ARM keys are; undefined when absent. */
export function getKey(v: unknown, name: string): unknown {
  if (v === null || typeof v !== 'object' || Array.isArray(v) || v instanceof Unknown) return undefined;
  const o = v as Record<string, unknown>;
  if (Object.prototype.hasOwnProperty.call(o, name)) return o[name];
  const lower = name.toLowerCase();
  for (const k of Object.keys(o)) if (k.toLowerCase() === lower) return o[k];
  return undefined;
}
