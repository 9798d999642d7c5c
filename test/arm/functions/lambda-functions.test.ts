// Lambda functions as ARM JSON writes them (`lambda('x', body)` reading `lambdaVariables('x')`),
// with the examples and outputs of the documentation page.
import { describe, expect, it } from 'vitest';
import type { Value } from '../../../src/core/unknown.js';
import { expectError, LATER, run, unknownOf } from './helpers.js';

const DOC = 'https://learn.microsoft.com/azure/azure-resource-manager/templates/template-functions-lambda';
const DOGS: Value = [
  { name: 'Evie', age: 5, interests: ['Ball', 'Frisbee'] },
  { name: 'Casper', age: 3, interests: ['Other dogs'] },
  { name: 'Indy', age: 2, interests: ['Butter'] },
  { name: 'Kira', age: 8, interests: ['Rubs'] },
];
const P: Record<string, Value> = { dogs: DOGS, later: LATER };
const ev = (text: string): Value => run(text, P);
const dog = (i: number): Value => (DOGS as Value[])[i];

describe(`filter (${DOC}#filter)`, () => {
  it.each<[string, Value]>([
    ["filter(variables('dogs'), lambda('dog', greaterOrEquals(lambdaVariables('dog').age, 5)))", [dog(0), dog(3)]],
    ["filter(range(0, 10), lambda('i', greater(lambdaVariables('i'), 5)))", [6, 7, 8, 9]],
    ["filter(range(0, 10), lambda('i', equals(0, mod(lambdaVariables('i'), 2))))", [0, 2, 4, 6, 8]],
    // The optional second variable is the index.
    ["filter(createArray('a', 'b', 'c'), lambda('x', 'i', not(equals(lambdaVariables('i'), 1))))", ['a', 'c']],
  ])('%s → %j', (t, e) => expect(ev(t)).toEqual(e));
  it('needs a bool from its lambda', () => expectError("filter(createArray(1), lambda('x', 'yes'))", 'filter() expects its lambda to return a bool, got string "yes"'));
  it('needs an array', () => expectError("filter('abc', lambda('x', true()))", 'filter() expects an array, got string "abc"'));
  it('is Unknown when the predicate is', () => {
    expect(unknownOf("filter(createArray(1), lambda('x', parameters('later')))", P).reason).toBe(LATER.reason);
  });
});

describe(`map (${DOC}#map)`, () => {
  it.each<[string, Value]>([
    ["map(variables('dogs'), lambda('dog', lambdaVariables('dog').name))", ['Evie', 'Casper', 'Indy', 'Kira']],
    ["map(variables('dogs'), lambda('dog', format('Hello {0}!', lambdaVariables('dog').name)))", ['Hello Evie!', 'Hello Casper!', 'Hello Indy!', 'Hello Kira!']],
    [
      "map(range(0, length(variables('dogs'))), lambda('i', createObject('i', lambdaVariables('i'), 'dog', variables('dogs')[lambdaVariables('i')].name, 'greeting', format('Ahoy, {0}!', variables('dogs')[lambdaVariables('i')].name))))",
      [
        { i: 0, dog: 'Evie', greeting: 'Ahoy, Evie!' },
        { i: 1, dog: 'Casper', greeting: 'Ahoy, Casper!' },
        { i: 2, dog: 'Indy', greeting: 'Ahoy, Indy!' },
        { i: 3, dog: 'Kira', greeting: 'Ahoy, Kira!' },
      ],
    ],
    ["map(createArray('a', 'b'), lambda('x', 'i', concat(lambdaVariables('x'), string(lambdaVariables('i')))))", ['a0', 'b1']],
    // Nested lambdas see the variables of the lambdas around them.
    ["map(createArray(1, 2), lambda('x', map(createArray(10, 20), lambda('y', add(lambdaVariables('x'), lambdaVariables('y'))))))", [[11, 21], [12, 22]]],
  ])('%s → %j', (t, e) => expect(ev(t)).toEqual(e));
  it('keeps Unknown elements', () => {
    const v = ev("map(createArray(1, 2), lambda('x', if(equals(lambdaVariables('x'), 1), parameters('later'), 'two')))") as Value[];
    expect(v[0]).toBe(LATER);
    expect(v[1]).toBe('two');
  });
  it('is Unknown when its array is', () => expect(unknownOf("map(parameters('later'), lambda('x', 1))", P).reason).toBe(LATER.reason));
  it('needs a lambda', () => expectError('map(createArray(1), 1)', 'map() expects a lambda, got number 1'));
  it('takes two arguments', () => expectError("map(createArray(1))", 'map() takes 2 argument(s), got 1'));
});

describe(`reduce (${DOC}#reduce)`, () => {
  it.each<[string, Value]>([
    ["reduce(map(variables('dogs'), lambda('dog', lambdaVariables('dog').age)), 0, lambda('cur', 'next', add(lambdaVariables('cur'), lambdaVariables('next'))))", 18],
    ["reduce(map(variables('dogs'), lambda('dog', lambdaVariables('dog').age)), 1, lambda('cur', 'next', add(lambdaVariables('cur'), lambdaVariables('next'))))", 19],
    [
      "reduce(createArray(createObject('foo', 123), createObject('bar', 456), createObject('baz', 789)), createObject(), lambda('cur', 'next', union(lambdaVariables('cur'), lambdaVariables('next'))))",
      { foo: 123, bar: 456, baz: 789 },
    ],
  ])('%s → %j', (t, e) => expect(ev(t)).toEqual(e));
  it('takes three arguments', () => expectError("reduce(createArray(1), lambda('a', 'b', 1))", 'reduce() takes 3 argument(s), got 2'));
});

describe(`sort (${DOC}#sort)`, () => {
  it('sorts the dogs by age', () => {
    expect(ev("sort(variables('dogs'), lambda('a', 'b', less(lambdaVariables('a').age, lambdaVariables('b').age)))")).toEqual([dog(2), dog(1), dog(0), dog(3)]);
  });
  it('sorts strings', () => {
    expect(ev("sort(createArray('c', 'a', 'b'), lambda('x', 'y', less(lambdaVariables('x'), lambdaVariables('y'))))")).toEqual(['a', 'b', 'c']);
  });
  it('needs a bool from its lambda', () => expectError("sort(createArray(2, 1), lambda('x', 'y', 1))", 'sort() expects its lambda to return a bool, got number 1'));
});

describe(`toObject (${DOC}#toobject)`, () => {
  it('keys the elements', () => {
    expect(ev("toObject(variables('dogs'), lambda('entry', lambdaVariables('entry').name))")).toEqual({ Evie: dog(0), Casper: dog(1), Indy: dog(2), Kira: dog(3) });
  });
  it('maps the values', () => {
    expect(ev("toObject(variables('dogs'), lambda('entry', lambdaVariables('entry').name), lambda('entry', lambdaVariables('entry').age))")).toEqual({ Evie: 5, Casper: 3, Indy: 2, Kira: 8 });
  });
  it('needs string keys', () => expectError("toObject(createArray(1), lambda('x', lambdaVariables('x')))", 'toObject() expects its key lambda to return a string, got number 1'));
});

describe(`groupBy (${DOC}#groupby)`, () => {
  it.each<[string, Value]>([
    [
      "groupBy(createArray('foo', 'bar', 'baz'), lambda('x', substring(lambdaVariables('x'), 0, 1)))",
      { f: ['foo'], b: ['bar', 'baz'] },
    ],
    [
      "groupBy(createArray(createObject('type', 'a', 'value', 123), createObject('type', 'b', 'value', 456), createObject('type', 'a', 'value', 789)), lambda('arg', lambdaVariables('arg').type), lambda('arg', lambdaVariables('arg').value))",
      { a: [123, 789], b: [456] },
    ],
  ])('%s → %j', (t, e) => expect(ev(t)).toEqual(e));
});

describe(`mapValues (${DOC}#mapvalues)`, () => {
  it.each<[string, Value]>([
    ["mapValues(createObject('foo', 'foo'), lambda('val', toUpper(lambdaVariables('val'))))", { foo: 'FOO' }],
    ["mapValues(createObject('a', 123, 'b', 456), lambda('val', mul(lambdaVariables('val'), 2)))", { a: 246, b: 912 }],
  ])('%s → %j', (t, e) => expect(ev(t)).toEqual(e));
  it('needs an object', () => expectError("mapValues(createArray(), lambda('v', 1))", 'mapValues() expects an object, got an array'));
});

describe('lambda and lambdaVariables outside a lambda-taking function', () => {
  it('lambda() alone is an error', () => expectError("lambda('x', 1)", 'lambda() can only be an argument of filter(), map()'));
  it('lambdaVariables() alone is an error', () => expectError("lambdaVariables('x')", "lambdaVariables() reads 'x', but is used outside a lambda"));
  it('an undeclared lambda variable is an error', () =>
    expectError("map(createArray(1), lambda('x', lambdaVariables('y')))", "lambdaVariables() reads 'y', which is not a variable of an enclosing lambda"));
  it('lambda needs a body', () => expectError("map(createArray(1), lambda('x'))", 'lambda() needs at least one variable name and a body'));
});
