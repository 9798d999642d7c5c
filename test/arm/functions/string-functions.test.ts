// String functions, with the examples and outputs of the documentation page cited per describe
// block (guid and uniqueString are in hash-functions.test.ts).
import { describe, expect, it } from 'vitest';
import type { Value } from '../../../src/core/unknown.js';
import { expectError, LATER, run, unknownOf } from './helpers.js';

const DOC = 'https://learn.microsoft.com/azure/azure-resource-manager/templates/template-functions-string';
const ev = (text: string): Value => run(text, { later: LATER });

describe(`base64, base64ToString, base64ToJson (${DOC}#base64)`, () => {
  it.each<[string, Value]>([
    ["base64('one, two, three')", 'b25lLCB0d28sIHRocmVl'],
    ["base64ToString('b25lLCB0d28sIHRocmVl')", 'one, two, three'],
    ["base64ToJson('eyJvbmUiOiAiYSIsICJ0d28iOiAiYiJ9')", { one: 'a', two: 'b' }],
  ])('%s → %j', (t, e) => expect(ev(t)).toEqual(e));
  it('rejects text that is not base64', () => expectError("base64ToString('not base64!')", 'base64ToString() was given text that is not base64'));
  it('rejects base64 of text that is not JSON', () => expectError("base64ToJson('b25l')", 'base64ToJson() decoded text that is not valid JSON'));
  it('base64 needs a string', () => expectError('base64(1)', 'base64() expects a string, got number 1'));
});

describe(`concat (strings) (${DOC}#concat)`, () => {
  it('combines strings', () => expect(ev("concat('prefix', '-', 'suffix')")).toBe('prefix-suffix'));
  it('needs an argument', () => expectError('concat()', 'concat() takes at least 1 argument(s), got 0'));
});

describe(`contains on strings (${DOC}#contains)`, () => {
  it.each<[string, boolean]>([
    ["contains('OneTwoThree', 'e')", true],
    ["contains('OneTwoThree', 'z')", false],
    ["contains('OneTwoThree', 'two')", false],
  ])('%s → %s', (t, e) => expect(ev(t)).toBe(e));
});

describe(`dataUri and dataUriToString (${DOC}#datauri)`, () => {
  it.each<[string, Value]>([
    ["dataUri('Hello')", 'data:text/plain;charset=utf8;base64,SGVsbG8='],
    ["dataUriToString('data:;base64,SGVsbG8sIFdvcmxkIQ==')", 'Hello, World!'],
    ["dataUriToString(dataUri('round trip'))", 'round trip'],
  ])('%s → %j', (t, e) => expect(ev(t)).toEqual(e));
  it('rejects a string that is not a data URI', () => expectError("dataUriToString('hello')", 'dataUriToString() expects a data URI'));
});

describe(`startsWith and endsWith, case-insensitive (${DOC}#endswith)`, () => {
  it.each<[string, boolean]>([
    ["startsWith('abcdef', 'ab')", true],
    ["startsWith('abcdef', 'A')", true],
    ["startsWith('abcdef', 'e')", false],
    ["endsWith('abcdef', 'ef')", true],
    ["endsWith('abcdef', 'F')", true],
    ["endsWith('abcdef', 'e')", false],
  ])('%s → %s', (t, e) => expect(ev(t)).toBe(e));
  it('needs strings', () => expectError("startsWith(1, 'a')", 'startsWith() expects a string, got number 1'));
});

describe(`format (${DOC}#format)`, () => {
  it.each<[string, string]>([
    ["format('{0}, {1}. Formatted number: {2:N0}', 'Hello', 'User', 8175133)", 'Hello, User. Formatted number: 8,175,133'],
    ["format('{0:N2}', 1234.5)", '1,234.50'],
    ["format('vm{0:D3}', 7)", 'vm007'],
    ["format('{0:00}', 5)", '05'],
    ["format('{0:X}', 255)", 'FF'],
    ["format('[{0,5}]', 'ab')", '[   ab]'],
    ["format('[{0,-5}]', 'ab')", '[ab   ]'],
    ["format('{0}', true())", 'True'],
    ["format('{{literal}} {0}', 'x')", '{literal} x'],
  ])('%s → %s', (t, e) => expect(ev(t)).toBe(e));
  it('names a missing argument', () => expectError("format('{1}', 'only one')", 'format() has no argument for {1}'));
  it('rejects a stray brace', () => expectError("format('a } b')", "format() has an unmatched '}'"));
});

describe(`indexOf and lastIndexOf on strings, case-insensitive (${DOC}#indexof)`, () => {
  it.each<[string, number]>([
    ["indexOf('test', 't')", 0],
    ["lastIndexOf('test', 't')", 3],
    ["indexOf('abcdef', 'CD')", 2],
    ["lastIndexOf('abcdef', 'AB')", 0],
    ["indexOf('abcdef', 'z')", -1],
  ])('%s → %s', (t, e) => expect(ev(t)).toBe(e));
  it('needs a string to find in a string', () => expectError("indexOf('abc', 1)", 'indexOf() expects a string, got number 1'));
});

describe(`newGuid and utcNow are Unknown (${DOC}#newguid)`, () => {
  it('newGuid', () => expect(unknownOf('newGuid()').reason).toBe('newGuid() returns a new value at every deployment'));
  it('utcNow', () => expect(unknownOf("utcNow('u')").reason).toBe('utcNow() is the time of the deployment'));
});

describe(`padLeft (${DOC}#padleft)`, () => {
  it.each<[string, string]>([
    ["padLeft('123', 10, '0')", '0000000123'],
    ['padLeft(7, 3)', '  7'],
    ["padLeft('abcdef', 3, '0')", 'abcdef'],
  ])('%s → %s', (t, e) => expect(ev(t)).toBe(e));
  it('pads with one character', () => expectError("padLeft('1', 3, '00')", "padLeft() pads with a single character, got '00'"));
});

describe(`replace (${DOC}#replace)`, () => {
  it.each<[string, string]>([
    ["replace('123-123-1234', '-', '')", '1231231234'],
    ["replace('123-123-1234', '1234', 'xxxx')", '123-123-xxxx'],
  ])('%s → %s', (t, e) => expect(ev(t)).toBe(e));
  it('cannot replace an empty string', () => expectError("replace('abc', '', 'x')", 'replace() cannot replace an empty string'));
  it('takes three arguments', () => expectError("replace('abc', 'a')", 'replace() takes 3 argument(s), got 2'));
});

describe(`split (${DOC}#split)`, () => {
  it.each<[string, Value]>([
    ["split('one,two,three', ',')", ['one', 'two', 'three']],
    ["split('one;two,three', createArray(',', ';'))", ['one', 'two', 'three']],
    ["split('a,,b', ',')", ['a', '', 'b']],
  ])('%s → %j', (t, e) => expect(ev(t)).toEqual(e));
  it('needs string delimiters', () => expectError("split('a', 1)", 'split() expects a string, got number 1'));
});

describe(`string (${DOC}#string)`, () => {
  it.each<[string, string]>([
    ["string(createObject('valueA', 10, 'valueB', 'Example Text'))", '{"valueA":10,"valueB":"Example Text"}'],
    ["string(createArray('a', 'b', 'c'))", '["a","b","c"]'],
    ['string(5)', '5'],
    ['string(true())', 'True'],
    ['string(null())', ''],
  ])('%s → %s', (t, e) => expect(ev(t)).toBe(e));
  it('is Unknown for an object holding an Unknown', () => {
    expect(unknownOf("string(createObject('a', parameters('later')))", { later: LATER }).reason).toBe(LATER.reason);
  });
});

describe(`substring (${DOC}#substring)`, () => {
  it.each<[string, string]>([
    ["substring('one two three', 4, 3)", 'two'],
    ["substring('one two three', 4)", 'two three'],
  ])('%s → %s', (t, e) => expect(ev(t)).toBe(e));
  it('rejects a range past the end', () => expectError("substring('hello', 3, 5)", 'substring() range 3+5 is outside a string of length 5'));
  it('rejects a negative start', () => expectError("substring('hello', -1)", 'substring() start index -1 is outside a string of length 5'));
});

describe(`toLower, toUpper, trim (${DOC}#tolower)`, () => {
  it.each<[string, string]>([
    ["toLower('One Two Three')", 'one two three'],
    ["toUpper('One Two Three')", 'ONE TWO THREE'],
    ["trim('    one two three   ')", 'one two three'],
  ])('%s → %s', (t, e) => expect(ev(t)).toBe(e));
  it('toUpper needs a string', () => expectError('toUpper(createArray())', 'toUpper() expects a string, got an array'));
});

describe(`uri, uriComponent, uriComponentToString (${DOC}#uri)`, () => {
  it.each<[string, string]>([
    ["uri('http://contoso.org/firstpath', 'myscript.sh')", 'http://contoso.org/myscript.sh'],
    ["uri('http://contoso.org/firstpath/', 'myscript.sh')", 'http://contoso.org/firstpath/myscript.sh'],
    ["uri('http://contoso.org/firstpath/', '/myscript.sh')", 'http://contoso.org/myscript.sh'],
    ["uriComponent('http://contoso.com/resources/nested/azuredeploy.json')", 'http%3A%2F%2Fcontoso.com%2Fresources%2Fnested%2Fazuredeploy.json'],
    ["uriComponentToString('http%3A%2F%2Fcontoso.com%2Fresources%2Fnested%2Fazuredeploy.json')", 'http://contoso.com/resources/nested/azuredeploy.json'],
  ])('%s → %s', (t, e) => expect(ev(t)).toBe(e));
  it('rejects a relative base', () => expectError("uri('contoso', 'x')", "uri() cannot combine 'contoso' with 'x'"));
});

describe('functions whose results are not verified stay Unknown', () => {
  it.each(["parseUri('https://a.b/c')", "like('abc', 'a*')"])('%s', (t) => expect(unknownOf(t).reason).toMatch(/^(parseUri|like)\(\) is not evaluated/));
});
