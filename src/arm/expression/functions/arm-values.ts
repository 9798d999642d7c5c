// How ARM compares, converts and merges values: deep equality, string conversion and the
// case-insensitive property lookup the functions share.
import { findUnknown, isUnknown, type Unknown, type Value } from '../../../core/unknown.js';

export type ArmObject = Record<string, Value>;

export function isObject(v: Value): v is ArmObject {
  return v !== null && typeof v === 'object' && !Array.isArray(v) && !isUnknown(v);
}

/** ARM equality: deep, strings case-sensitive, property order ignored. */
export function armEquals(a: Value, b: Value): boolean {
  if (a === b) return true;
  if (Array.isArray(a)) return Array.isArray(b) && a.length === b.length && a.every((x, i) => armEquals(x, b[i]));
  if (isObject(a)) {
    if (!isObject(b)) return false;
    const ka = Object.keys(a);
    const kb = Object.keys(b);
    return ka.length === kb.length && ka.every((k) => k in b && armEquals(a[k], b[k]));
  }
  return false;
}

/** `string()` / `concat()` conversion: objects and arrays as compact JSON, null as ''. */
export function toArmString(v: Value): string {
  if (typeof v === 'string') return v;
  if (v === null) return '';
  if (typeof v === 'object') return JSON.stringify(v);
  return String(v);
}

/** The property of `o` named `key`, exact match first, then case-insensitively. */
export function propertyKey(o: ArmObject, key: string): string | undefined {
  if (key in o) return key;
  const lower = key.toLowerCase();
  return Object.keys(o).find((k) => k.toLowerCase() === lower);
}

/** The first Unknown nested anywhere in the arguments (functions that read whole values need them known). */
export function nestedUnknown(args: Value[]): Unknown | undefined {
  return findUnknown(args);
}
