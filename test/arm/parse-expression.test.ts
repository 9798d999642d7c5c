// The ARM template expression parser: what is an expression, the syntax tree of calls, literals,
// property and index access, and errors with their message and offset.
import { describe, expect, it } from 'vitest';
import type { ExpressionNode } from '../../src/arm/expression/ast.js';
import { isExpression, parseExpression, unescapeLiteral } from '../../src/arm/expression/parse-expression.js';

function parse(text: string): ExpressionNode {
  const r = parseExpression(text);
  if (!r.ok) throw new Error(`parse failed: ${r.error.message} at ${r.error.offset}`);
  return r.node;
}

describe('isExpression and unescapeLiteral', () => {
  it.each<[string, boolean]>([
    ["[parameters('name')]", true],
    ["[concat('a', 'b')]", true],
    ['[[literal text]', false],
    ['[[', false],
    ['plain text', false],
    ['[not closed', false],
    ['not opened]', false],
    ['[', false],
    ['', false],
  ])('%j → %s', (text, expected) => {
    expect(isExpression(text)).toBe(expected);
  });

  it.each<[string, string]>([
    ['[[literal text]', '[literal text]'],
    ["[[concat('a')]", "[concat('a')]"],
    ['plain text', 'plain text'],
    ['[x]', '[x]'],
  ])('unescapeLiteral(%j) → %j', (text, expected) => {
    expect(unescapeLiteral(text)).toBe(expected);
  });
});

describe('parseExpression: syntax trees', () => {
  it('parses nested calls with their offsets', () => {
    expect(parse("concat(parameters('a'), '-', toLower(variables('b')))")).toEqual({
      kind: 'call',
      name: 'concat',
      offset: 0,
      args: [
        { kind: 'call', name: 'parameters', offset: 7, args: [{ kind: 'string', value: 'a', offset: 18 }] },
        { kind: 'string', value: '-', offset: 24 },
        {
          kind: 'call', name: 'toLower', offset: 29,
          args: [{ kind: 'call', name: 'variables', offset: 37, args: [{ kind: 'string', value: 'b', offset: 47 }] }],
        },
      ],
    });
  });

  it('parses a call without arguments', () => {
    expect(parse('resourceGroup()')).toEqual({ kind: 'call', name: 'resourceGroup', args: [], offset: 0 });
  });

  it('tolerates whitespace between tokens', () => {
    const node = parse("  concat ( 'a' ,\n 'b' )  ");
    expect(node).toMatchObject({ kind: 'call', name: 'concat', args: [{ value: 'a' }, { value: 'b' }] });
  });

  it('parses chained property access', () => {
    expect(parse("reference('kv').properties.vaultUri")).toEqual({
      kind: 'property', name: 'vaultUri', safe: false, offset: 26,
      object: {
        kind: 'property', name: 'properties', safe: false, offset: 15,
        object: { kind: 'call', name: 'reference', offset: 0, args: [{ kind: 'string', value: 'kv', offset: 10 }] },
      },
    });
  });

  it('parses index access by number and by string, then a property', () => {
    expect(parse("parameters('list')[0]['key'].name")).toMatchObject({
      kind: 'property', name: 'name',
      object: {
        kind: 'index', safe: false, index: { kind: 'string', value: 'key' },
        object: { kind: 'index', safe: false, index: { kind: 'number', value: 0 }, object: { kind: 'call', name: 'parameters' } },
      },
    });
  });

  it('parses an expression used as an index', () => {
    expect(parse("variables('m')[parameters('k')]")).toMatchObject({
      kind: 'index', index: { kind: 'call', name: 'parameters', args: [{ value: 'k' }] },
    });
  });

  it('parses safe access: .?name and ?[index]', () => {
    expect(parse("parameters('o').?missing")).toMatchObject({ kind: 'property', name: 'missing', safe: true });
    expect(parse("parameters('a')?[3]")).toMatchObject({ kind: 'index', safe: true, index: { value: 3 } });
  });

  it.each<[string, string]>([
    ["'it''s'", "it's"],
    ["''''", "'"],
    ["''", ''],
    ["'a''''b'", "a''b"],
    ["'[x]'", '[x]'],
    ["'a, b)'", 'a, b)'],
  ])('string literal %s → %j', (text, value) => {
    expect(parse(text)).toEqual({ kind: 'string', value, offset: 0 });
  });

  it.each<[string, number]>([
    ['0', 0],
    ['42', 42],
    ['-7', -7],
    ['1.5', 1.5],
  ])('number literal %s', (text, value) => {
    expect(parse(text)).toEqual({ kind: 'number', value, offset: 0 });
  });

  it('keeps a namespaced user function name whole, but not a property after a call', () => {
    expect(parse("contoso.uniqueName('x')")).toMatchObject({ kind: 'call', name: 'contoso.uniqueName', args: [{ value: 'x' }] });
    expect(parse("parameters('p').name")).toMatchObject({ kind: 'property', name: 'name', object: { kind: 'call', name: 'parameters' } });
  });

  it('returns the same result for the same text (cached)', () => {
    const text = "concat('cache', 'me')";
    expect(parseExpression(text)).toEqual(parseExpression(text));
  });
});

describe('parseExpression: malformed expressions', () => {
  it.each<[string, string, number]>([
    ['', 'the expression ends too early', 0],
    ["concat('a'", `missing ")" to close the call of 'concat'`, 10],
    ["'abc", 'unterminated string literal', 0],
    ["concat('a' 'b')", `expected "," or ")" but found '''`, 11],
    ["concat('a',)", "unexpected ')'", 11],
    ['foo', `expected "(" after the function name 'foo'`, 3],
    ["concat('a'))", "unexpected ')' after the end of the expression", 11],
    ["parameters('a').", 'expected a property name after "."', 16],
    ["parameters('a')[0", 'expected "]" to close the index', 17],
    ['@x', "unexpected '@'", 0],
    ['-', "unexpected '-'", 0],
  ])('%j → %s at %i', (text, message, offset) => {
    const r = parseExpression(text);
    expect(r).toEqual({ ok: false, error: { code: 'arm/invalid-expression', message, offset } });
  });
});
