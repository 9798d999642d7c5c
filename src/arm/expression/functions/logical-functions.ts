// Logical, comparison, conversion and collection functions of the ARM template language.
import { isUnknown, type Value } from '../../../core/unknown.js';
import { EvaluationError } from '../eval-context.js';
import { arity, arr, describe, num, obj, str } from './arg-checks.js';
import type { FunctionTable } from './function-def.js';

/** ARM equality: deep, with case-sensitive strings. */
export function armEquals(a: Value, b: Value): boolean {
  return JSON.stringify(sortKeys(a)) === JSON.stringify(sortKeys(b));
}

function sortKeys(v: Value): unknown {
  if (Array.isArray(v)) return v.map(sortKeys);
  if (v && typeof v === 'object' && !isUnknown(v)) {
    return Object.fromEntries(Object.keys(v).sort().map((k) => [k, sortKeys((v as Record<string, Value>)[k])]));
  }
  return v;
}

function compare(name: string, a: Value, b: Value): number {
  if (typeof a === 'number' && typeof b === 'number') return a - b;
  if (typeof a === 'string' && typeof b === 'string') return a < b ? -1 : a > b ? 1 : 0;
  throw new EvaluationError(`${name}() compares two numbers or two strings, got ${describe(a)} and ${describe(b)}`);
}

function bool(name: string, v: Value): boolean {
  if (typeof v !== 'boolean') throw new EvaluationError(`${name}() expects a bool, got ${describe(v)}`);
  return v;
}

export const logicalFunctions: FunctionTable = {
  true: { evaluate: (a) => (arity('true', a, 0), true) },
  false: { evaluate: (a) => (arity('false', a, 0), false) },
  null: { evaluate: (a) => (arity('null', a, 0), null) },
  and: { evaluate: (a) => (arity('and', a, 2, Infinity), a.every((x) => bool('and', x))) },
  or: { evaluate: (a) => (arity('or', a, 2, Infinity), a.some((x) => bool('or', x))) },
  not: { evaluate: (a) => (arity('not', a, 1), !bool('not', a[0])) },
  equals: { evaluate: (a) => (arity('equals', a, 2), armEquals(a[0], a[1])) },
  less: { evaluate: (a) => (arity('less', a, 2), compare('less', a[0], a[1]) < 0) },
  lessorequals: { evaluate: (a) => (arity('lessOrEquals', a, 2), compare('lessOrEquals', a[0], a[1]) <= 0) },
  greater: { evaluate: (a) => (arity('greater', a, 2), compare('greater', a[0], a[1]) > 0) },
  greaterorequals: { evaluate: (a) => (arity('greaterOrEquals', a, 2), compare('greaterOrEquals', a[0], a[1]) >= 0) },
  bool: {
    evaluate(a) {
      arity('bool', a, 1);
      const v = a[0];
      if (typeof v === 'boolean') return v;
      if (typeof v === 'number') return v !== 0;
      if (typeof v === 'string' && /^(true|false)$/i.test(v)) return v.toLowerCase() === 'true';
      throw new EvaluationError(`bool() cannot convert ${describe(v)}`);
    },
  },
  int: {
    evaluate(a) {
      arity('int', a, 1);
      const v = a[0];
      if (typeof v === 'number') return Math.trunc(v);
      if (typeof v === 'string' && /^\s*[-+]?\d+\s*$/.test(v)) return Number(v);
      throw new EvaluationError(`int() cannot convert ${describe(v)}`);
    },
  },
  json: {
    evaluate(a) {
      arity('json', a, 1);
      try {
        return JSON.parse(str('json', a[0])) as Value;
      } catch {
        throw new EvaluationError('json() was given text that is not valid JSON');
      }
    },
  },
  coalesce: {
    acceptsUnknown: true,
    evaluate(a) {
      for (const v of a) {
        if (isUnknown(v)) return v;
        if (v !== null) return v;
      }
      return null;
    },
  },
  empty: {
    evaluate(a) {
      arity('empty', a, 1);
      const v = a[0];
      if (v === null) return true;
      if (typeof v === 'string' || Array.isArray(v)) return v.length === 0;
      if (typeof v === 'object') return Object.keys(v).length === 0;
      throw new EvaluationError(`empty() expects a string, array or object, got ${describe(v)}`);
    },
  },
  length: {
    evaluate(a) {
      arity('length', a, 1);
      const v = a[0];
      if (typeof v === 'string' || Array.isArray(v)) return v.length;
      if (v && typeof v === 'object') return Object.keys(v).length;
      throw new EvaluationError(`length() expects a string, array or object, got ${describe(v)}`);
    },
  },
  contains: {
    evaluate(a) {
      arity('contains', a, 2);
      const [c, item] = a;
      if (typeof c === 'string') return c.includes(toText(item));
      if (Array.isArray(c)) return c.some((x) => armEquals(x, item));
      const o = obj('contains', c);
      const key = str('contains', item).toLowerCase();
      return Object.keys(o).some((k) => k.toLowerCase() === key);
    },
  },
  createarray: { evaluate: (a) => [...a] },
  array: { evaluate: (a) => (arity('array', a, 1), Array.isArray(a[0]) ? a[0] : [a[0]]) },
  createobject: {
    evaluate(a) {
      if (a.length % 2) throw new EvaluationError('createObject() takes key/value pairs');
      const out: Record<string, Value> = {};
      for (let i = 0; i < a.length; i += 2) out[str('createObject', a[i])] = a[i + 1];
      return out;
    },
  },
  first: { evaluate: (a) => (arity('first', a, 1), typeof a[0] === 'string' ? a[0].slice(0, 1) : (arr('first', a[0])[0] ?? null)) },
  last: {
    evaluate(a) {
      arity('last', a, 1);
      if (typeof a[0] === 'string') return a[0].slice(-1);
      const list = arr('last', a[0]);
      return list.length ? list[list.length - 1] : null;
    },
  },
  union: {
    evaluate(a) {
      arity('union', a, 1, Infinity);
      if (a.every(Array.isArray)) {
        const out: Value[] = [];
        for (const list of a as Value[][]) for (const x of list) if (!out.some((y) => armEquals(x, y))) out.push(x);
        return out;
      }
      const out: Record<string, Value> = {};
      for (const o of a) Object.assign(out, obj('union', o));
      return out;
    },
  },
  range: {
    evaluate(a) {
      arity('range', a, 2);
      const start = num('range', a[0]);
      const count = num('range', a[1]);
      if (count < 0 || count > 10_000) throw new EvaluationError(`range() count ${count} is outside 0..10000`);
      return Array.from({ length: count }, (_, i) => start + i);
    },
  },
  min: { evaluate: (a) => Math.min(...(a.length === 1 && Array.isArray(a[0]) ? a[0] : a).map((x) => num('min', x))) },
  max: { evaluate: (a) => Math.max(...(a.length === 1 && Array.isArray(a[0]) ? a[0] : a).map((x) => num('max', x))) },
  add: { evaluate: (a) => (arity('add', a, 2), num('add', a[0]) + num('add', a[1])) },
  sub: { evaluate: (a) => (arity('sub', a, 2), num('sub', a[0]) - num('sub', a[1])) },
  mul: { evaluate: (a) => (arity('mul', a, 2), num('mul', a[0]) * num('mul', a[1])) },
  div: {
    evaluate(a) {
      arity('div', a, 2);
      const d = num('div', a[1]);
      if (d === 0) throw new EvaluationError('div() by zero');
      return Math.trunc(num('div', a[0]) / d);
    },
  },
  mod: {
    evaluate(a) {
      arity('mod', a, 2);
      const d = num('mod', a[1]);
      if (d === 0) throw new EvaluationError('mod() by zero');
      return num('mod', a[0]) % d;
    },
  },
};

function toText(v: Value): string {
  return typeof v === 'string' ? v : JSON.stringify(v);
}
