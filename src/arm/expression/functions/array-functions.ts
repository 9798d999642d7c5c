// Array functions, and the collection functions ARM shares between arrays, strings and objects
// (contains, empty, length, first, last, indexOf, skip, take, union, intersection…).
import { isUnknown, type Value } from '../../../core/unknown.js';
import { arity, arr, describe, fail, int, num, obj, str } from './arg-checks.js';
import { armEquals, isObject, nestedUnknown, propertyKey, type ArmObject } from './arm-values.js';
import type { FunctionTable } from './function-def.js';

export const arrayFunctions: FunctionTable = {
  // Constructors keep Unknown elements: the rest of the array stays known.
  array: { acceptsUnknown: true, evaluate: (a) => (arity('array', a, 1), Array.isArray(a[0]) ? a[0] : [a[0]]) },
  createarray: { acceptsUnknown: true, evaluate: (a) => [...a] },
  contains: {
    evaluate(a) {
      arity('contains', a, 2);
      const [c, item] = a;
      // Strings compare case-sensitively, object keys case-insensitively (template-functions-array#contains).
      if (typeof c === 'string') return c.includes(scalarText('contains', item));
      if (Array.isArray(c)) return nestedUnknown([c, item]) ?? c.some((x) => armEquals(x, item));
      if (isObject(c)) return propertyKey(c, scalarText('contains', item)) !== undefined;
      return fail('contains', `expects an array, object or string, got ${describe(c)}`);
    },
  },
  empty: {
    evaluate(a) {
      arity('empty', a, 1);
      const v = a[0];
      if (v === null) return true;
      if (typeof v === 'string' || Array.isArray(v)) return v.length === 0;
      if (isObject(v)) return Object.keys(v).length === 0;
      return fail('empty', `expects an array, object or string, got ${describe(v)}`);
    },
  },
  length: {
    evaluate(a) {
      arity('length', a, 1);
      const v = a[0];
      if (v === null) return 0;
      if (typeof v === 'string' || Array.isArray(v)) return v.length;
      if (isObject(v)) return Object.keys(v).length;
      return fail('length', `expects an array, object or string, got ${describe(v)}`);
    },
  },
  first: {
    evaluate(a) {
      arity('first', a, 1);
      const v = a[0];
      if (v === null) return null;
      if (typeof v === 'string') return v.slice(0, 1);
      return arr('first', v)[0] ?? null;
    },
  },
  last: {
    evaluate(a) {
      arity('last', a, 1);
      const v = a[0];
      if (v === null) return null;
      if (typeof v === 'string') return v.slice(-1);
      const list = arr('last', v);
      return list.length ? list[list.length - 1] : null;
    },
  },
  indexof: { evaluate: (a) => (arity('indexOf', a, 2), indexOf('indexOf', a[0], a[1], false)) },
  lastindexof: { evaluate: (a) => (arity('lastIndexOf', a, 2), indexOf('lastIndexOf', a[0], a[1], true)) },
  skip: {
    evaluate(a) {
      arity('skip', a, 2);
      const n = Math.max(0, int('skip', a[1]));
      const v = a[0];
      if (v === null) return null;
      if (typeof v === 'string') return v.slice(n);
      return arr('skip', v).slice(n);
    },
  },
  take: {
    evaluate(a) {
      arity('take', a, 2);
      const n = Math.max(0, int('take', a[1]));
      const v = a[0];
      if (v === null) return null;
      if (typeof v === 'string') return v.slice(0, n);
      return arr('take', v).slice(0, n);
    },
  },
  join: {
    evaluate(a) {
      arity('join', a, 2);
      const items = arr('join', a[0]);
      const sep = str('join', a[1]);
      return items
        .map((x) => {
          if (typeof x === 'string' || typeof x === 'number' || typeof x === 'boolean') return String(x);
          return fail('join', `joins strings, numbers and bools, got ${describe(x)}`);
        })
        .join(sep);
    },
  },
  flatten: {
    evaluate(a) {
      arity('flatten', a, 1);
      // An inner array that is unknown (a loop over runtime values) makes the result unknown.
      const inner = arr('flatten', a[0]).find(isUnknown);
      if (inner) return inner;
      return arr('flatten', a[0]).flatMap((x) => arr('flatten', x));
    },
  },
  distinct: {
    evaluate(a) {
      arity('distinct', a, 1);
      const u = nestedUnknown(a);
      if (u) return u;
      return dedupe(arr('distinct', a[0]));
    },
  },
  range: {
    evaluate(a) {
      arity('range', a, 2);
      const start = int('range', a[0]);
      const count = int('range', a[1]);
      if (count < 0 || count > 10_000) fail('range', `count ${count} is outside 0..10000`);
      if (start + count - 1 > 2_147_483_647) fail('range', 'goes past the largest integer');
      return Array.from({ length: count }, (_, i) => start + i);
    },
  },
  min: { evaluate: (a) => extreme('min', a, Math.min) },
  max: { evaluate: (a) => extreme('max', a, Math.max) },
  union: {
    evaluate(a) {
      arity('union', a, 2, Infinity);
      // Arrays whose elements hold unknowns still have a known union when each pair of elements
      // is known to be equal or known to differ (role assignments that differ in their role, say).
      const u = nestedUnknown(a);
      if (a.every(Array.isArray)) return u ? (dedupeKnown((a as Value[][]).flat()) ?? u) : dedupe((a as Value[][]).flat());
      sameKind('union', a);
      // Objects merge left to right; a nested object present in both is merged in turn
      // (template-functions-object#union). Unknown values stay where they are: the other keys of
      // `union(commonTags, { owner: ownerParameter })` are known.
      let out: ArmObject = {};
      for (const o of a) out = deepMerge(out, obj('union', o));
      return out;
    },
  },
  intersection: {
    evaluate(a) {
      arity('intersection', a, 2, Infinity);
      const u = nestedUnknown(a);
      if (u) return u;
      sameKind('intersection', a);
      if (a.every(Array.isArray)) {
        const [head, ...rest] = a as Value[][];
        return dedupe(head).filter((x) => rest.every((list) => list.some((y) => armEquals(x, y))));
      }
      const [head, ...rest] = a.map((o) => obj('intersection', o));
      const out: ArmObject = {};
      for (const [k, v] of Object.entries(head)) if (rest.every((o) => k in o && armEquals(o[k], v))) out[k] = v;
      return out;
    },
  },
  indexfromend: {
    evaluate(a) {
      arity('indexFromEnd', a, 2);
      const list = arr('indexFromEnd', a[0]);
      const i = int('indexFromEnd', a[1]);
      if (i < 1 || i > list.length) fail('indexFromEnd', `index ${i} is out of range for an array of length ${list.length}`);
      return list[list.length - i];
    },
  },
  tryindexfromend: {
    evaluate(a) {
      arity('tryIndexFromEnd', a, 2);
      const i = int('tryIndexFromEnd', a[1]);
      if (a[0] === null) return null;
      const list = arr('tryIndexFromEnd', a[0]);
      return i >= 1 && i <= list.length ? list[list.length - i] : null;
    },
  },
};

function sameKind(name: string, a: Value[]): void {
  if (!a.every(Array.isArray) && !a.every(isObject)) fail(name, `expects only arrays or only objects, got ${a.map(describe).join(', ')}`);
}

function scalarText(name: string, v: Value): string {
  if (typeof v === 'string') return v;
  if (typeof v === 'number' || typeof v === 'boolean') return String(v);
  return fail(name, `looks for a string or an integer, got ${describe(v)}`);
}

function indexOf(name: string, hay: Value, needle: Value, last: boolean): Value {
  if (hay === null) return -1;
  if (Array.isArray(hay)) {
    const u = nestedUnknown([hay, needle]);
    if (u) return u;
    // Array items compare case-sensitively (template-functions-array#indexof).
    const hits = hay.map((x, i) => (armEquals(x, needle) ? i : -1)).filter((i) => i >= 0);
    return hits.length ? hits[last ? hits.length - 1 : 0] : -1;
  }
  // Strings compare case-insensitively (template-functions-string#indexof).
  const h = str(name, hay).toLowerCase();
  const n = str(name, needle).toLowerCase();
  return last ? h.lastIndexOf(n) : h.indexOf(n);
}

export function dedupe(list: Value[]): Value[] {
  const out: Value[] = [];
  for (const x of list) if (!out.some((y) => armEquals(x, y))) out.push(x);
  return out;
}

/** dedupe() of elements that may hold unknowns; undefined when two might or might not be equal. */
function dedupeKnown(list: Value[]): Value[] | undefined {
  const out: Value[] = [];
  for (const x of list) {
    let duplicate = false;
    for (const y of out) {
      const same = sameValue(x, y);
      if (same === undefined) return undefined;
      if (same) {
        duplicate = true;
        break;
      }
    }
    if (!duplicate) out.push(x);
  }
  return out;
}

/** armEquals() in three values: undefined when an unknown part decides it. */
function sameValue(a: Value, b: Value): boolean | undefined {
  if (isUnknown(a) || isUnknown(b)) return undefined;
  if (Array.isArray(a) || Array.isArray(b)) {
    if (!Array.isArray(a) || !Array.isArray(b) || a.length !== b.length) return false;
    return allSame(a.map((x, i) => sameValue(x, b[i])));
  }
  if (isObject(a) || isObject(b)) {
    if (!isObject(a) || !isObject(b)) return false;
    const ka = Object.keys(a);
    if (ka.length !== Object.keys(b).length || !ka.every((k) => k in b)) return false;
    return allSame(ka.map((k) => sameValue(a[k], b[k])));
  }
  return a === b;
}

/** Equal when every part is, different when one part is, else undecided. */
function allSame(parts: (boolean | undefined)[]): boolean | undefined {
  if (parts.includes(false)) return false;
  return parts.includes(undefined) ? undefined : true;
}

function deepMerge(base: ArmObject, patch: ArmObject): ArmObject {
  const out: ArmObject = { ...base };
  for (const [k, v] of Object.entries(patch)) {
    // The property keeps the casing it was first given; names match case-insensitively.
    const key = propertyKey(out, k) ?? k;
    const prev = out[key];
    // An unknown that an object would merge into may itself be an object: the result is unknown.
    out[key] = isObject(prev) && isObject(v) ? deepMerge(prev, v) : isUnknown(prev) && isObject(v) ? prev : v;
  }
  return out;
}

function extreme(name: string, a: Value[], pick: (...xs: number[]) => number): number {
  arity(name, a, 1, Infinity);
  const list = a.length === 1 && Array.isArray(a[0]) ? a[0] : a;
  if (list.length === 0) fail(name, 'needs at least one number');
  return pick(...list.map((x) => num(name, x)));
}
