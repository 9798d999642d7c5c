// Array functions (and the collection functions arrays share with strings and objects), with the
// examples and outputs of the documentation pages cited per describe block.
import { describe, expect, it } from 'vitest';
import type { Value } from '../../../src/core/unknown.js';
import { expectError, LATER, run, unknownOf } from './helpers.js';

const P: Record<string, Value> = {
  intToConvert: 1,
  stringToConvert: 'efgh',
  objectToConvert: { a: 'b', c: 'd' },
  firstArray: ['1-1', '1-2', '1-3'],
  secondArray: ['2-1', '2-2', '2-3'],
  stringToTest: 'OneTwoThree',
  objectToTest: { one: 'a', two: 'b', three: 'c' },
  arrayToTest: ['one', 'two', 'three'],
  names: ['one', 'two', 'three'],
  numbers: [4, 5, 6],
  duplicates: [1, 2, 3, 1],
  arrayOfArrays: [['one', 'two'], ['three'], ['four', 'five']],
  array1: [1, 2, 3, 4],
  array2: [3, 2, 1],
  array3: [4, 1, 3, 2],
  later: LATER,
};
const ev = (text: string): Value => run(text, P);

// https://learn.microsoft.com/azure/azure-resource-manager/templates/template-functions-array#array
describe('array', () => {
  it.each<[string, Value]>([
    ["array(parameters('intToConvert'))", [1]],
    ["array(parameters('stringToConvert'))", ['efgh']],
    ["array(parameters('objectToConvert'))", [{ a: 'b', c: 'd' }]],
    ["array(parameters('firstArray'))", ['1-1', '1-2', '1-3']],
  ])('%s → %j', (t, e) => expect(ev(t)).toEqual(e));
  it('takes one argument', () => expectError('array(1, 2)', 'array() takes 1 argument(s), got 2'));
});

// https://learn.microsoft.com/azure/azure-resource-manager/templates/template-functions-array#concat
describe('concat (arrays)', () => {
  it('combines two arrays', () => {
    expect(ev("concat(parameters('firstArray'), parameters('secondArray'))")).toEqual(['1-1', '1-2', '1-3', '2-1', '2-2', '2-3']);
  });
  it('cannot mix arrays and strings', () => expectError("concat(parameters('firstArray'), 'x')", 'concat() cannot mix arrays and strings', P));
});

// https://learn.microsoft.com/azure/azure-resource-manager/templates/template-functions-array#contains
describe('contains', () => {
  it.each<[string, boolean]>([
    ["contains(parameters('stringToTest'), 'e')", true],
    ["contains(parameters('stringToTest'), 'z')", false],
    ["contains(parameters('objectToTest'), 'one')", true],
    ["contains(parameters('objectToTest'), 'a')", false],
    ["contains(parameters('arrayToTest'), 'three')", true],
    ["contains(parameters('arrayToTest'), 'four')", false],
    // Strings compare case-sensitively, object keys case-insensitively.
    ["contains(parameters('stringToTest'), 'one')", false],
    ["contains(parameters('objectToTest'), 'ONE')", true],
    ["contains(parameters('numbers'), 5)", true],
    ["contains(createArray(createObject('a', 1)), createObject('a', 1))", true],
  ])('%s → %s', (t, e) => expect(ev(t)).toBe(e));
  it('rejects a number container', () => expectError('contains(1, 1)', 'contains() expects an array, object or string, got number 1'));
  it('takes two arguments', () => expectError("contains('a')", 'contains() takes 2 argument(s), got 1'));
});

// https://learn.microsoft.com/azure/azure-resource-manager/templates/template-functions-array#createarray
describe('createArray', () => {
  it.each<[string, Value]>([
    ["createArray('a', 'b', 'c')", ['a', 'b', 'c']],
    ['createArray(1, 2, 3)', [1, 2, 3]],
    ["createArray(parameters('objectToTest'))", [{ one: 'a', two: 'b', three: 'c' }]],
    ["createArray(parameters('arrayToTest'))", [['one', 'two', 'three']]],
    ['createArray()', []],
  ])('%s → %j', (t, e) => expect(ev(t)).toEqual(e));
});

// https://learn.microsoft.com/azure/azure-resource-manager/templates/template-functions-array#empty
describe('empty', () => {
  it.each<[string, boolean]>([
    ['empty(createArray())', true],
    ['empty(createObject())', true],
    ["empty('')", true],
    ['empty(null())', true],
    ["empty('a')", false],
    ['empty(createArray(1))', false],
  ])('%s → %s', (t, e) => expect(ev(t)).toBe(e));
  it('rejects a number', () => expectError('empty(1)', 'empty() expects an array, object or string, got number 1'));
});

// https://learn.microsoft.com/azure/azure-resource-manager/templates/template-functions-array#first and #last
describe('first and last', () => {
  it.each<[string, Value]>([
    ["first(parameters('arrayToTest'))", 'one'],
    ["first('One Two Three')", 'O'],
    ["last(parameters('arrayToTest'))", 'three'],
    ["last('One Two three')", 'e'],
    ['first(createArray())', null],
    ["first('')", ''],
    ['last(createArray())', null],
    ["last('')", ''],
  ])('%s → %j', (t, e) => expect(ev(t)).toEqual(e));
  it('rejects a number', () => expectError('first(1)', 'first() expects an array, got number 1'));
  it('takes one argument', () => expectError("last('a', 'b')", 'last() takes 1 argument(s), got 2'));
});

// https://learn.microsoft.com/azure/azure-resource-manager/templates/template-functions-array#flatten
describe('flatten', () => {
  it('flattens one level', () => expect(ev("flatten(parameters('arrayOfArrays'))")).toEqual(['one', 'two', 'three', 'four', 'five']));
  it('rejects elements that are not arrays', () => expectError('flatten(createArray(1))', 'flatten() expects an array, got number 1'));
});

// https://learn.microsoft.com/azure/azure-resource-manager/templates/template-functions-array#indexof and #lastindexof
describe('indexOf and lastIndexOf on arrays', () => {
  it.each<[string, number]>([
    ["lastIndexOf(parameters('names'), 'two')", 1],
    ["indexOf(parameters('names'), 'one')", 0],
    ["lastIndexOf(parameters('names'), 'Three')", -1],
    ["lastIndexOf(parameters('numbers'), 4)", 0],
    ["indexOf(parameters('numbers'), 6)", 2],
    ["lastIndexOf(parameters('numbers'), '5')", -1],
    ["indexOf(createArray(parameters('names'), parameters('numbers')), parameters('numbers'))", 1],
    ["indexOf(parameters('duplicates'), 1)", 0],
    ["lastIndexOf(parameters('duplicates'), 1)", 3],
  ])('%s → %s', (t, e) => expect(ev(t)).toBe(e));
});

// https://learn.microsoft.com/azure/azure-resource-manager/templates/template-functions-array#intersection
describe('intersection', () => {
  it.each<[string, Value]>([
    ["intersection(parameters('firstObject'), parameters('secondObject'))", { one: 'a', three: 'c' }],
    ["intersection(parameters('arrayToTest'), createArray('two', 'three'))", ['two', 'three']],
    ["intersection(parameters('array1'), parameters('array2'), parameters('array3'))", [1, 2, 3]],
    ["intersection(parameters('array2'), parameters('array3'), parameters('array1'))", [3, 2, 1]],
  ])('%s → %j', (t, e) =>
    expect(run(t, { ...P, firstObject: { one: 'a', two: 'b', three: 'c' }, secondObject: { one: 'a', two: 'z', three: 'c' } })).toEqual(e),
  );
  it('needs two arguments', () => expectError('intersection(createArray())', 'intersection() takes at least 2 argument(s), got 1'));
  it('rejects mixed types', () => expectError("intersection(createArray(), 'a')", 'intersection() expects only arrays or only objects, got an array, string "a"'));
});

// https://learn.microsoft.com/azure/azure-resource-manager/templates/template-functions-array#join
describe('join', () => {
  it.each<[string, string]>([
    ["join(createArray('abc', 'def', 'ghi'), ',')", 'abc,def,ghi'],
    ["join(createArray('abc', 'def', 'ghi'), ';')", 'abc;def;ghi'],
    ["join(createArray(1, true(), 'x'), '-')", '1-true-x'],
  ])('%s → %s', (t, e) => expect(ev(t)).toBe(e));
  it('rejects objects in the array', () => expectError("join(createArray(createObject()), ',')", 'join() joins strings, numbers and bools, got an object'));
  it('needs an array', () => expectError("join('abc', ',')", 'join() expects an array, got string "abc"'));
});

// https://learn.microsoft.com/azure/azure-resource-manager/templates/template-functions-array#length
describe('length', () => {
  it.each<[string, number]>([
    ["length(parameters('arrayToTest'))", 3],
    ["length('One Two Three')", 13],
    ["length(createObject('propA', 'one', 'propB', 'two', 'propC', 'three', 'propD', createObject('propD-1', 'sub', 'propD-2', 'sub')))", 4],
    ['length(null())', 0],
  ])('%s → %s', (t, e) => expect(ev(t)).toBe(e));
  it('rejects a number', () => expectError('length(3)', 'length() expects an array, object or string, got number 3'));
});

// https://learn.microsoft.com/azure/azure-resource-manager/templates/template-functions-array#max and #min
describe('max and min', () => {
  it.each<[string, number]>([
    ['max(createArray(0, 3, 2, 5, 4))', 5],
    ['max(0, 3, 2, 5, 4)', 5],
    ['min(createArray(0, 3, 2, 5, 4))', 0],
    ['min(0, 3, 2, 5, 4)', 0],
  ])('%s → %s', (t, e) => expect(ev(t)).toBe(e));
  it('rejects strings', () => expectError("max(1, 'a')", 'max() expects an integer, got string "a"'));
  it('rejects an empty array', () => expectError('min(createArray())', 'min() needs at least one number'));
});

// https://learn.microsoft.com/azure/azure-resource-manager/templates/template-functions-array#range
describe('range', () => {
  it('counts from the start index', () => expect(ev('range(5, 3)')).toEqual([5, 6, 7]));
  it('may be empty', () => expect(ev('range(1, 0)')).toEqual([]));
  it('limits the count to 10000', () => expectError('range(0, 10001)', 'range() count 10001 is outside 0..10000'));
  it('rejects a negative count', () => expectError('range(0, -1)', 'range() count -1 is outside 0..10000'));
  it('rejects strings', () => expectError("range('1', 2)", 'range() expects an integer, got string "1"'));
});

// https://learn.microsoft.com/azure/azure-resource-manager/templates/template-functions-array#skip and #take
describe('skip and take', () => {
  it.each<[string, Value]>([
    ["skip(parameters('arrayToTest'), 2)", ['three']],
    ["skip('one two three', 4)", 'two three'],
    ["take(parameters('arrayToTest'), 2)", ['one', 'two']],
    ["take('one two three', 2)", 'on'],
    // Counts clamp: below zero takes nothing / skips nothing, past the end takes everything.
    ["skip(parameters('arrayToTest'), -1)", ['one', 'two', 'three']],
    ["skip(parameters('arrayToTest'), 10)", []],
    ["take(parameters('arrayToTest'), 10)", ['one', 'two', 'three']],
    ["take('abc', -2)", ''],
  ])('%s → %j', (t, e) => expect(ev(t)).toEqual(e));
  it('rejects a non-integer count', () => expectError("take('abc', 'x')", 'take() expects an integer, got string "x"'));
  it('rejects an object', () => expectError('skip(createObject(), 1)', 'skip() expects an array, got an object'));
});

// https://learn.microsoft.com/azure/azure-resource-manager/templates/template-functions-array#union
describe('union (arrays)', () => {
  it('keeps the first occurrence of each value', () => {
    expect(ev("union(parameters('arrayToTest'), createArray('three', 'four', 'two'))")).toEqual(['one', 'two', 'three', 'four']);
  });
  it('dedupes within one array too', () => expect(ev('union(createArray(1, 1), createArray(2))')).toEqual([1, 2]));
  it('needs two arguments', () => expectError('union(createArray())', 'union() takes at least 2 argument(s), got 1'));
});

// https://learn.microsoft.com/azure/azure-resource-manager/templates/template-functions-array#indexfromend
describe('indexFromEnd and tryIndexFromEnd', () => {
  it.each<[string, Value]>([
    ["indexFromEnd(parameters('arrayToTest'), 1)", 'three'],
    ["indexFromEnd(parameters('arrayToTest'), 3)", 'one'],
    ["tryIndexFromEnd(parameters('arrayToTest'), 2)", 'two'],
    ["tryIndexFromEnd(parameters('arrayToTest'), 4)", null],
    ["tryIndexFromEnd(parameters('arrayToTest'), 0)", null],
  ])('%s → %j', (t, e) => expect(ev(t)).toEqual(e));
  it('indexFromEnd fails out of range', () => expectError("indexFromEnd(parameters('arrayToTest'), 4)", 'indexFromEnd() index 4 is out of range for an array of length 3', P));
});

describe('distinct', () => {
  it('removes repeated values, keeping the first', () => expect(ev("distinct(createArray(1, 2, 1, 'a', 'A', 'a'))")).toEqual([1, 2, 'a', 'A']));
});

describe('Unknowns in collections', () => {
  it('an Unknown argument makes the result Unknown', () => {
    expect(unknownOf("length(parameters('later'))", P).reason).toBe(LATER.reason);
  });
  it('an Unknown nested in an array makes union Unknown', () => {
    expect(unknownOf("union(createArray(parameters('later')), createArray(1))", P).reason).toBe(LATER.reason);
  });
  it('union of arrays whose elements hold Unknowns is known when the elements differ in a known part', () => {
    const out = ev("union(createArray(createObject('principal', parameters('later'), 'role', 'reader')), createArray(createObject('principal', parameters('later'), 'role', 'writer'), createObject('role', 'owner', 'principal', 'x')), createArray(createObject('role', 'owner', 'principal', 'x')))");
    expect(Array.isArray(out) && out.map((o) => (o as { role: string }).role)).toEqual(['reader', 'writer', 'owner']);
    // Same role, one principal unknown: they may be one element or two.
    expect(unknownOf("union(createArray(createObject('principal', parameters('later'), 'role', 'reader')), createArray(createObject('principal', 'x', 'role', 'reader')))", P).reason).toBe(LATER.reason);
  });
  it('join, min and max of an array holding an Unknown are unknown, not an error', () => {
    expect(unknownOf("join(createArray('a', parameters('later')), ' ')", P).reason).toBe(LATER.reason);
    expect(unknownOf("min(createArray(1, parameters('later')))", P).reason).toBe(LATER.reason);
    expect(unknownOf("max(1, parameters('later'))", P).reason).toBe(LATER.reason);
  });
  it('length of an array holding an Unknown is known', () => {
    expect(ev("length(createArray(parameters('later'), 1))")).toBe(2);
  });
});
