// `field: "$..password"`: JSONPath selection (jsonpath-plus) for what the policy path syntax
// cannot say, such as recursive descent. Script evaluation is off: a rule pack never runs code.
import { JSONPath } from 'jsonpath-plus';
import { isUnknown } from '../core/unknown.js';
import type { Resource } from '../model/resource.js';
import type { FieldResult, Selection } from './resolve-field.js';

export function isJsonPathField(field: string): boolean {
  return field.startsWith('$');
}

/** Validates a JSONPath at load time; returns an error message or undefined. */
export function checkJsonPath(path: string): string | undefined {
  if (/\?\(|\(\s*@/.test(path)) return `filter and script expressions are not allowed in '${path}': rule packs never execute code`;
  try {
    JSONPath.toPathArray(path);
    return undefined;
  } catch (e) {
    return `invalid JSONPath '${path}': ${(e as Error).message}`;
  }
}

/** The matches of `path` in the resource view, as a `[*]`-like selection (implicit all-of). */
export function resolveJsonPath(view: Record<string, unknown>, path: string, _resource?: Resource): FieldResult {
  const error = checkJsonPath(path);
  if (error) return { wildcard: true, selections: [], missingArray: false, error };
  let json = plainViews.get(view);
  if (!json) {
    json = plain(view) as object;
    plainViews.set(view, json);
  }
  const matches = JSONPath({ path, json, resultType: 'all', eval: false, wrap: true }) as { path: string; value: unknown }[];
  const selections: Selection[] = matches.map((m) => ({ path: toPolicyPath(m.path), value: m.value }));
  return { wildcard: true, selections, missingArray: false };
}

/** The JSONPath view of a resource, built once and shared by every JSONPath field. */
const plainViews = new WeakMap<object, object>();

/** Unknowns become opaque leaves so that JSONPath does not descend into their fields. */
function plain(v: unknown): unknown {
  if (isUnknown(v)) return v;
  if (Array.isArray(v)) return v.map(plain);
  if (v && typeof v === 'object') return Object.fromEntries(Object.entries(v).filter(([, x]) => x !== undefined).map(([k, x]) => [k, plain(x)]));
  return v;
}

/** `$['properties']['ipRules'][0]['value']` → `properties.ipRules[0].value`. */
function toPolicyPath(jsonPath: string): string {
  let out = '';
  for (const m of jsonPath.matchAll(/\[(?:'((?:[^']|'')*)'|(\d+))\]/g)) {
    if (m[2] !== undefined) out += `[${m[2]}]`;
    else {
      const key = m[1];
      out += /^[A-Za-z_$][A-Za-z0-9_$-]*$/.test(key) ? (out ? `.${key}` : key) : `['${key}']`;
    }
  }
  return out;
}
