// Comparison functions, with the examples and outputs of the documentation page.
import { describe, expect, it } from 'vitest';
import type { Value } from '../../../src/core/unknown.js';
import { expectError, LATER, run, unknownOf } from './helpers.js';

const DOC = 'https://learn.microsoft.com/azure/azure-resource-manager/templates/template-functions-comparison';
const P: Record<string, Value> = {
  objectToTest: { null1: null, null2: null, string: 'default', int: 1, object: { first: 'default' }, array: [1] },
  later: LATER,
};
const ev = (text: string): Value => run(text, P);

describe(`coalesce (${DOC}#coalesce)`, () => {
  it.each<[string, Value]>([
    ["coalesce(parameters('objectToTest').null1, parameters('objectToTest').null2, parameters('objectToTest').string)", 'default'],
    ["coalesce(parameters('objectToTest').null1, parameters('objectToTest').null2, parameters('objectToTest').int)", 1],
    ["coalesce(parameters('objectToTest').null1, parameters('objectToTest').null2, parameters('objectToTest').object)", { first: 'default' }],
    ["coalesce(parameters('objectToTest').null1, parameters('objectToTest').null2, parameters('objectToTest').array)", [1]],
    ["empty(coalesce(parameters('objectToTest').null1, parameters('objectToTest').null2))", true],
    ["coalesce('', 'x')", ''],
    ["coalesce('known', parameters('later'))", 'known'],
  ])('%s → %j', (t, e) => expect(ev(t)).toEqual(e));
  it('is Unknown when an Unknown comes before the first value', () => {
    expect(unknownOf("coalesce(null(), parameters('later'), 'x')", P).reason).toBe(LATER.reason);
  });
  it('needs an argument', () => expectError('coalesce()', 'coalesce() takes at least 1 argument(s), got 0'));
});

describe(`equals (${DOC}#equals)`, () => {
  it.each<[string, boolean]>([
    ['equals(1, 1)', true],
    ["equals('a', 'a')", true],
    ["equals(createArray('a', 'b'), createArray('a', 'b'))", true],
    ["equals(createObject('a', 'b'), createObject('a', 'b'))", true],
    ['not(equals(1, 2))', true],
    // Strings compare case-sensitively; objects ignore property order.
    ["equals('a', 'A')", false],
    ["equals(createObject('a', 1, 'b', 2), createObject('b', 2, 'a', 1))", true],
    ["equals(createArray(1, 2), createArray(2, 1))", false],
    ["equals('1', 1)", false],
  ])('%s → %s', (t, e) => expect(ev(t)).toBe(e));
  it('takes two arguments', () => expectError('equals(1)', 'equals() takes 2 argument(s), got 1'));
  it('is Unknown when a nested value is', () => {
    expect(unknownOf("equals(createArray(parameters('later')), createArray(1))", P).reason).toBe(LATER.reason);
  });
});

describe(`greater, greaterOrEquals, less, lessOrEquals (${DOC}#greater)`, () => {
  it.each<[string, boolean]>([
    ['greater(1, 2)', false],
    ["greater('A', 'a')", true],
    ['greaterOrEquals(1, 2)', false],
    ["greaterOrEquals('A', 'a')", true],
    ['less(1, 2)', true],
    ["less('A', 'a')", false],
    ['lessOrEquals(1, 2)', true],
    ["lessOrEquals('A', 'a')", false],
    ['lessOrEquals(2, 2)', true],
    ["less('apple', 'Banana')", true],
    ["greater('2024-01-02', '2024-01-10')", false],
  ])('%s → %s', (t, e) => expect(ev(t)).toBe(e));
  it('rejects mixed types', () => expectError("less(1, 'a')", 'less() compares two numbers or two strings, got number 1 and string "a"'));
  it('rejects bools', () => expectError('greater(true(), false())', 'greater() compares two numbers or two strings'));
});
