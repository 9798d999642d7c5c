// Numeric functions: add, sub, mul, div, mod, int, float (min and max, shared with arrays, are in
// array-functions.ts; copyIndex is in deployment-functions.ts). Integers are 64-bit in ARM: a result
// beyond JavaScript's safe integers but within 64 bits is unknown (never rounded), one beyond 64
// bits fails the deployment.
import { Unknown, type Value } from '../../../core/unknown.js';
import { arity, describe, fail, int } from './arg-checks.js';
import type { FunctionTable } from './function-def.js';

const INT64_MAX = 2 ** 63;

function checked(name: string, v: number): number | Unknown {
  if (Number.isSafeInteger(v)) return v;
  if (Math.abs(v) <= INT64_MAX) return new Unknown(`${name}() gives a 64-bit integer (${v}) beyond those azready computes exactly`, undefined, undefined, 'number');
  return fail(name, `overflows 64-bit integers (${v})`, 'runtime');
}

function binary(name: string, op: (x: number, y: number) => number) {
  return {
    evaluate(a: Value[]): Value {
      arity(name, a, 2);
      return checked(name, op(int(name, a[0]), int(name, a[1])));
    },
  };
}

export const numericFunctions: FunctionTable = {
  add: binary('add', (x, y) => x + y),
  sub: binary('sub', (x, y) => x - y),
  mul: binary('mul', (x, y) => x * y),
  div: binary('div', (x, y) => {
    if (y === 0) fail('div', 'cannot divide by zero', 'runtime');
    return Math.trunc(x / y);
  }),
  mod: binary('mod', (x, y) => {
    if (y === 0) fail('mod', 'cannot divide by zero', 'runtime');
    return x % y;
  }),
  int: {
    evaluate(a) {
      arity('int', a, 1);
      const v = a[0];
      if (typeof v === 'number') return Math.trunc(v);
      if (typeof v === 'string' && /^\s*[-+]?\d+\s*$/.test(v)) return checked('int', Number(v));
      return fail('int', `cannot convert ${describe(v)} to an integer`);
    },
  },
  float: {
    evaluate(a) {
      arity('float', a, 1);
      const v = a[0];
      if (typeof v === 'number') return v;
      if (typeof v === 'string' && /^\s*[-+]?(\d+\.?\d*|\.\d+)([eE][-+]?\d+)?\s*$/.test(v)) return Number(v);
      return fail('float', `cannot convert ${describe(v)} to a number`);
    },
  },
};
