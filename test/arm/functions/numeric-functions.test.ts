// Numeric functions, with the examples and outputs of the documentation page.
import { describe, expect, it } from 'vitest';
import type { Value } from '../../../src/core/unknown.js';
import { expectError, run } from './helpers.js';

const DOC = 'https://learn.microsoft.com/azure/azure-resource-manager/templates/template-functions-numeric';
const ev = (text: string): Value => run(text);

describe(`add, sub, mul, div, mod (${DOC}#add)`, () => {
  it.each<[string, number]>([
    ['add(5, 3)', 8],
    ['sub(7, 3)', 4],
    ['mul(5, 3)', 15],
    ['div(8, 3)', 2],
    ['mod(7, 3)', 1],
    // Integer division truncates toward zero; the remainder keeps the dividend's sign.
    ['div(-7, 2)', -3],
    ['mod(-7, 3)', -1],
  ])('%s → %s', (t, e) => expect(ev(t)).toBe(e));
  it('div by zero', () => expectError('div(1, 0)', 'div() cannot divide by zero'));
  it('mod by zero', () => expectError('mod(1, 0)', 'mod() cannot divide by zero'));
  it('add needs integers', () => expectError("add(1, '2')", 'add() expects an integer, got string "2"'));
  it('mul takes two arguments', () => expectError('mul(1, 2, 3)', 'mul() takes 2 argument(s), got 3'));
  // ARM integers are 64-bit: beyond JavaScript's exact integers a result is unknown, beyond 64 bits
  // the deployment fails.
  it('gives an unknown number past 2^53 and fails past 2^63', () => {
    expect(ev('mul(1000000000, 1000000000)')).toMatchObject({ kind: 'unknown', type: 'number' });
    expectError('mul(9223372036854775807, 4)', 'mul() overflows 64-bit integers');
  });
});

describe(`int and float (${DOC}#int)`, () => {
  it.each<[string, number]>([
    ["int('4')", 4],
    ["int('-12')", -12],
    ['int(7)', 7],
    ["float('3.0')", 3],
    ["float('1.5')", 1.5],
    ['float(2)', 2],
  ])('%s → %s', (t, e) => expect(ev(t)).toBe(e));
  it('int rejects non-integer text', () => expectError("int('4.5')", 'int() cannot convert string "4.5" to an integer'));
  it('float rejects text', () => expectError("float('abc')", 'float() cannot convert string "abc" to a number'));
});

describe(`min and max (${DOC}#max)`, () => {
  it.each<[string, number]>([
    ['max(createArray(0, 3, 2, 5, 4))', 5],
    ['max(0, 3, 2, 5, 4)', 5],
    ['min(createArray(0, 3, 2, 5, 4))', 0],
    ['min(0, 3, 2, 5, 4)', 0],
  ])('%s → %s', (t, e) => expect(ev(t)).toBe(e));
});
