// Object functions, with the examples and outputs of the documentation page cited per describe
// block; union and intersection of objects are here, their array forms in array-functions.test.ts.
import { describe, expect, it } from 'vitest';
import type { Value } from '../../../src/core/unknown.js';
import { expectError, LATER, run } from './helpers.js';

const DOC = 'https://learn.microsoft.com/azure/azure-resource-manager/templates/template-functions-object';
const P: Record<string, Value> = {
  entities: {
    item002: { enabled: false, displayName: 'Example item 2', number: 200 },
    item001: { enabled: true, displayName: 'Example item 1', number: 300 },
  },
  firstObject: { one: 'a', two: 'b', three: 'c1' },
  secondObject: { three: 'c2', four: 'd', five: 'e' },
  nestedFirst: { property: { one: 'a', two: 'b', three: 'c1' }, nestedArray: [1, 2] },
  nestedSecond: { property: { three: 'c2', four: 'd', five: 'e' }, nestedArray: [3, 4] },
  later: LATER,
};
const ev = (text: string): Value => run(text, P);

describe(`createObject (${DOC}#createobject)`, () => {
  it('builds the documented object', () => {
    expect(ev("createObject('intProp', 1, 'stringProp', 'abc', 'boolProp', true(), 'arrayProp', createArray('a', 'b', 'c'), 'objectProp', createObject('key1', 'value1'))")).toEqual({
      intProp: 1,
      stringProp: 'abc',
      boolProp: true,
      arrayProp: ['a', 'b', 'c'],
      objectProp: { key1: 'value1' },
    });
  });
  it('creates an empty object', () => expect(ev('createObject()')).toEqual({}));
  it('needs key/value pairs', () => expectError("createObject('a')", 'createObject() takes key/value pairs, got 1 argument(s)'));
  it('needs string keys', () => expectError('createObject(1, 2)', 'createObject() expects a string, got number 1'));
  it('rejects a repeated key', () => expectError("createObject('a', 1, 'a', 2)", "createObject() was given the property 'a' twice"));
  it('keeps other properties known when a value is Unknown', () => {
    const v = ev("createObject('a', 1, 'b', parameters('later'))") as Record<string, Value>;
    expect(v.a).toBe(1);
    expect(v.b).toBe(LATER);
  });
});

describe(`items (${DOC}#items)`, () => {
  it('sorts by key', () => {
    expect(ev("items(parameters('entities'))")).toEqual([
      { key: 'item001', value: { displayName: 'Example item 1', enabled: true, number: 300 } },
      { key: 'item002', value: { displayName: 'Example item 2', enabled: false, number: 200 } },
    ]);
  });
  it('needs an object', () => expectError('items(createArray())', 'items() expects an object, got an array'));
});

describe(`json (${DOC}#json)`, () => {
  it.each<[string, Value]>([
    ["empty(json('null'))", true],
    ["json('null')", null],
    // Newtonsoft.Json, ARM's reader, takes these too (quickstarts deploy `cpu: json('.25')`).
    ["json('.25')", 0.25],
    ["json('1.')", 1],
    ["json('{cpu: .5, memory: ''1.0Gi'', list: [1., -.5]}')", { cpu: 0.5, memory: '1.0Gi', list: [1, -0.5] }],
    ["json('{''a'': ''b''}')", { a: 'b' }],
    ["json('''test''')", 'test'],
    ["json('true')", true],
    ["json('3')", 3],
    ["json('[1,2,3]')", [1, 2, 3]],
    ["json(concat('{\"a\": \"', 'demo value', '\"}'))", { a: 'demo value' }],
    ["json('{\"say\": ''it\\''s \"x\"''}')", { say: 'it\'s "x"' }],
  ])('%s → %j', (t, e) => expect(ev(t)).toEqual(e));
  it('rejects text that is not JSON', () => expectError("json('{a')", 'json() was given text that is not valid JSON'));
  it('rejects text with an unterminated string as an evaluation error, not an exception', () => expectError("json('{\"a')", 'json() was given text with an unterminated string'));
  it('needs a string', () => expectError('json(1)', 'json() expects a string, got number 1'));
});

describe(`null (${DOC}#null)`, () => {
  it('is null', () => expect(ev('null()')).toBeNull());
  it('takes no arguments', () => expectError('null(1)', 'null() takes 0 argument(s), got 1'));
});

describe(`objectKeys (${DOC}#objectkeys)`, () => {
  it('lists the keys', () => expect(ev("objectKeys(createObject('a', 1, 'b', 2))")).toEqual(['a', 'b']));
  it('needs an object', () => expectError("objectKeys('a')", 'objectKeys() expects an object, got string "a"'));
});

describe(`shallowMerge (${DOC}#shallowmerge)`, () => {
  it.each<[string, Value]>([
    ["shallowMerge(createArray(createObject('one', 'a'), createObject('two', 'b'), createObject('two', 'c')))", { one: 'a', two: 'c' }],
    [
      "shallowMerge(createArray(createObject('one', 'a', 'nested', createObject('a', 1, 'nested', createObject('c', 3))), createObject('two', 'b', 'nested', createObject('b', 2))))",
      { one: 'a', nested: { b: 2 }, two: 'b' },
    ],
  ])('%s → %j', (t, e) => expect(ev(t)).toEqual(e));
  it('needs an array of objects', () => expectError('shallowMerge(createArray(1))', 'shallowMerge() expects an object, got number 1'));
});

describe(`tryGet (${DOC}#tryget)`, () => {
  it.each<[string, Value]>([
    ["tryGet(createObject('key', 'value'), 'key')", 'value'],
    ["tryGet(createArray('element'), 0)", 'element'],
    ["tryGet(createObject(), 'property')", null],
    ['tryGet(createObject(), 0)', null],
    ["tryGet(null(), 'property')", null],
    ["tryGet('string', 'property')", null],
    ["tryGet(10, 'property')", null],
    ['tryGet(createArray(), 0)', null],
    ["tryGet(createObject('Key', 1), 'key')", 1],
    ["tryGet(createObject('key', createObject('nestedKey', 'value')), 'key', 'nestedKey')", 'value'],
    ["tryGet(createObject('key', createObject('nestedKey', 'value')), 'unknownKey', 'nestedKey')", null],
    // Bicep `abbreviations[?location]` with a location that is itself null.
    ["tryGet(createObject('westus', 'wus'), null())", null],
  ])('%s → %j', (t, e) => expect(ev(t)).toEqual(e));
  // Bicep compiles a whole safe chain `a.?key.nested` into one tryGet(), so every step is safe.
  it('is safe at every step', () => expect(ev("tryGet(createObject('key', createObject('nestedKey', 'value')), 'key', 'unknownNestedKey')")).toBeNull());
  it("reads Bicep's index from the end", () => expect(ev("tryGet(createObject('a', createArray(1, 2, 3)), 'a', createObject('value', 1, 'fromEnd', true()))")).toBe(3));
  it('needs a key', () => expectError('tryGet(createObject())', 'tryGet() takes at least 2 argument(s), got 1'));
  it('rejects a bool key', () => expectError('tryGet(createObject(), true())', 'tryGet() expects a property name or an index, got boolean true'));
});

describe(`union (objects) (${DOC}#union)`, () => {
  it('later values win', () => {
    expect(ev("union(parameters('firstObject'), parameters('secondObject'))")).toEqual({ one: 'a', two: 'b', three: 'c2', four: 'd', five: 'e' });
  });
  it('merges nested objects and replaces nested arrays', () => {
    expect(ev("union(parameters('nestedFirst'), parameters('nestedSecond'))")).toEqual({
      property: { one: 'a', two: 'b', three: 'c2', four: 'd', five: 'e' },
      nestedArray: [3, 4],
    });
  });
  it('matches property names case-insensitively, keeping the first casing', () => {
    expect(ev("union(createObject('Name', 1), createObject('name', 2))")).toEqual({ Name: 2 });
  });
  it('rejects an object with an array', () => expectError('union(createObject(), createArray())', 'union() expects only arrays or only objects, got an object, an array'));
  it('keeps an Unknown value where it is and the other keys known (union(commonTags, { owner: … }))', () => {
    const out = ev("union(createObject('env', 'prod', 'owner', 'x'), createObject('owner', parameters('later'), 'nested', createObject('a', 1)))") as Record<string, Value>;
    expect(out.env).toBe('prod');
    expect(out.owner).toMatchObject({ kind: 'unknown', reason: LATER.reason });
    expect(out.nested).toEqual({ a: 1 });
  });
  it('is Unknown where an object would merge into an Unknown', () => {
    const out = ev("union(createObject('nested', parameters('later')), createObject('nested', createObject('a', 1)))") as Record<string, Value>;
    expect(out.nested).toMatchObject({ kind: 'unknown' });
  });
});

describe(`contains, empty, length, intersection on objects (${DOC}#contains)`, () => {
  it.each<[string, Value]>([
    ["contains(createObject('one', 'a'), 'ONE')", true],
    ['empty(createObject())', true],
    ["length(createObject('a', 1, 'b', 2))", 2],
    ["intersection(createObject('one', 'a', 'two', 'b', 'three', 'c'), createObject('one', 'a', 'two', 'z', 'three', 'c'))", { one: 'a', three: 'c' }],
  ])('%s → %j', (t, e) => expect(ev(t)).toEqual(e));
});
