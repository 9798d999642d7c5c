// Logical functions, with the examples and outputs of the documentation page.
import { describe, expect, it } from 'vitest';
import type { Value } from '../../../src/core/unknown.js';
import { expectError, LATER, run, unknownOf } from './helpers.js';

const DOC = 'https://learn.microsoft.com/azure/azure-resource-manager/templates/template-functions-logical';
const ev = (text: string): Value => run(text, { later: LATER });

describe(`and, or, not (${DOC}#and)`, () => {
  it.each<[string, boolean]>([
    ['and(bool(1), bool(0))', false],
    ['or(bool(1), bool(0))', true],
    ['not(bool(1))', false],
    ['and(true(), true(), true())', true],
    ['or(false(), false(), true())', true],
    ['not(equals(1, 2))', true],
  ])('%s → %s', (t, e) => expect(ev(t)).toBe(e));
  it('and needs two arguments', () => expectError('and(true())', 'and() takes at least 2 argument(s), got 1'));
  it('or needs bools', () => expectError("or(true(), 'x')", 'or() expects a bool, got string "x"'));
  it('not needs a bool', () => expectError('not(1)', 'not() expects a bool, got number 1'));
  it('an Unknown operand makes the result Unknown', () => expect(unknownOf("and(true(), parameters('later'))", { later: LATER }).reason).toBe(LATER.reason));
});

describe(`bool (${DOC}#bool)`, () => {
  it.each<[string, boolean]>([
    ["bool('true')", true],
    ["bool('false')", false],
    ["bool('True')", true],
    ['bool(1)', true],
    ['bool(0)', false],
    ['bool(true())', true],
  ])('%s → %s', (t, e) => expect(ev(t)).toBe(e));
  it('rejects other strings', () => expectError("bool('yes')", 'bool() cannot convert string "yes"'));
});

describe(`true and false (${DOC}#true)`, () => {
  it.each<[string, boolean]>([
    ['true()', true],
    ['false()', false],
  ])('%s → %s', (t, e) => expect(ev(t)).toBe(e));
  it('take no arguments', () => expectError('true(1)', 'true() takes 0 argument(s), got 1'));
});

describe(`if (${DOC}#if)`, () => {
  it.each<[string, Value]>([
    ["if(equals('a', 'a'), 'yes', 'no')", 'yes'],
    ["if(equals('a', 'b'), 'yes', 'no')", 'no'],
    ["if(equals('a', 'a'), json('null'), json('{\"test\": \"value1\"}'))", null],
    ["if(true(), 'known', parameters('later'))", 'known'],
  ])('%s → %j', (t, e) => expect(ev(t)).toEqual(e));
});

describe('fail', () => {
  it('raises its message', () => expectError("fail('the name is too long')", 'fail(): the name is too long'));
  it('is not evaluated in the branch if() skips', () => expect(ev("if(true(), 'ok', fail('never'))")).toBe('ok'));
});
