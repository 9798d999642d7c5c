// Table-driven tests of every Azure Policy condition operator: present (matching and not), absent
// (undefined), explicit null, empty array, case differences, coercions and Unknown values.
import { describe, expect, it } from 'vitest';
import { Unknown } from '../../src/core/unknown.js';
import { applyOperator, OPERATORS, type Operator } from '../../src/engine/operators.js';
import type { Truth } from '../../src/engine/truth.js';

type Row = [actual: unknown, expected: unknown, truth: Truth, note: string];

const ABSENT = undefined;
const unknown = new Unknown('the value comes from reference()');

const TABLE: Record<Operator, Row[]> = {
  // Where a value came from is not in the value: only field conditions answer `secure`.
  secure: [
    ['p@ss', true, 'unknown', 'a bare value'],
    [ABSENT, true, 'unknown', 'absent'],
    [null, false, 'unknown', 'null'],
    [[], true, 'unknown', 'empty array'],
  ],
  equals: [
    ['TLS1_2', 'TLS1_2', 'true', 'same string'],
    ['TLS1_0', 'TLS1_2', 'false', 'different string'],
    ['tls1_2', 'TLS1_2', 'true', 'case differs'],
    [ABSENT, 'TLS1_2', 'false', 'absent'],
    [ABSENT, null, 'true', 'absent equals null'],
    [null, null, 'true', 'null equals null'],
    [null, '', 'true', 'explicit null compares as ""'],
    [null, 'x', 'false', 'null vs string'],
    [[], 'x', 'false', 'empty array vs string'],
    [[], [], 'true', 'empty array vs empty array'],
    [['A', 'b'], ['a', 'B'], 'true', 'arrays compare element-wise, ignoring case'],
    [['a'], ['a', 'b'], 'false', 'arrays of different length'],
    [{ Key: 'V' }, { key: 'v' }, 'true', 'objects compare keys and values ignoring case'],
    [{ a: 1 }, { a: 2 }, 'false', 'objects with different values'],
    [5, '5', 'true', 'number vs numeric string'],
    ['5', 5, 'true', 'numeric string vs number'],
    [5, '6', 'false', 'number vs other numeric string'],
    [true, 'true', 'true', 'bool vs "true"'],
    ['True', true, 'true', '"True" vs bool'],
    [false, 'true', 'false', 'false vs "true"'],
    [0, false, 'false', '0 is not false'],
  ],
  notEquals: [
    ['TLS1_2', 'TLS1_2', 'false', 'same string'],
    ['TLS1_0', 'TLS1_2', 'true', 'different string'],
    ['tls1_2', 'TLS1_2', 'false', 'case differs'],
    [ABSENT, 'TLS1_2', 'true', 'absent'],
    [ABSENT, null, 'false', 'absent notEquals null'],
    [null, 'x', 'true', 'explicit null'],
    [[], 'x', 'true', 'empty array'],
    [5, '5', 'false', 'number vs numeric string'],
    [true, 'TRUE', 'false', 'bool vs "TRUE"'],
  ],
  like: [
    ['myvault-prod', 'myvault-*', 'true', 'trailing wildcard'],
    ['other-prod', 'myvault-*', 'false', 'prefix differs'],
    ['MyVault-Prod', 'myvault-*', 'true', 'case differs'],
    ['a.b.c', '*.c', 'true', 'dot is literal, wildcard leading'],
    ['abc', 'a.c', 'false', 'dot is not a regex wildcard'],
    ['abc', 'ABC', 'true', 'no wildcard behaves like equals'],
    ['abc', 'a?c', 'true', '? is one character'],
    ['a(1)', 'a(*)', 'true', 'regex metacharacters are literal'],
    [ABSENT, '*', 'false', 'absent'],
    [null, 'x*', 'false', 'explicit null'],
    [[], '*x', 'false', 'empty array'],
  ],
  notLike: [
    ['myvault-prod', 'myvault-*', 'false', 'matches'],
    ['other-prod', 'myvault-*', 'true', 'does not match'],
    ['MYVAULT-x', 'myvault-*', 'false', 'case differs'],
    [ABSENT, '*', 'true', 'absent'],
    [null, 'x*', 'true', 'explicit null'],
    [[], '*x', 'true', 'empty array'],
  ],
  match: [
    ['ab-12', '??-##', 'true', '? letter, # digit'],
    ['ab-1x', '??-##', 'false', 'letter where a digit is required'],
    ['AB-12', 'ab-##', 'false', 'case-sensitive literal'],
    ['ab-12', 'ab.##', 'true', '. is any character'],
    ['ab-123', 'ab-##', 'false', 'whole string: too long'],
    [ABSENT, '##', 'false', 'absent'],
    [null, '##', 'false', 'explicit null'],
    [[], '##', 'false', 'empty array'],
  ],
  notMatch: [
    ['ab-12', '??-##', 'false', 'matches'],
    ['AB-12', 'ab-##', 'true', 'case-sensitive literal'],
    [ABSENT, '##', 'true', 'absent'],
    [null, '##', 'true', 'explicit null'],
    [[], '##', 'true', 'empty array'],
  ],
  matchInsensitively: [
    ['AB-12', 'ab-##', 'true', 'case ignored'],
    ['AB-1x', 'ab-##', 'false', 'digit required'],
    [ABSENT, '##', 'false', 'absent'],
    [null, '##', 'false', 'explicit null'],
    [[], '##', 'false', 'empty array'],
  ],
  notMatchInsensitively: [
    ['AB-12', 'ab-##', 'false', 'case ignored'],
    ['AB-1x', 'ab-##', 'true', 'digit required'],
    [ABSENT, '##', 'true', 'absent'],
    [null, '##', 'true', 'explicit null'],
    [[], '##', 'true', 'empty array'],
  ],
  contains: [
    ['https://example.com', 'example', 'true', 'substring'],
    ['https://example.com', 'contoso', 'false', 'not a substring'],
    ['HTTPS://EXAMPLE.COM', 'example', 'true', 'substring, case differs'],
    [['Tcp', 'Udp'], 'udp', 'true', 'array membership ignoring case'],
    [['Tcp'], 'Icmp', 'false', 'array without the value'],
    [[], 'x', 'false', 'empty array'],
    [ABSENT, 'x', 'false', 'absent'],
    [null, 'x', 'false', 'explicit null'],
    [[1, 2], '2', 'true', 'array membership coerces numbers'],
  ],
  notContains: [
    ['https://example.com', 'example', 'false', 'substring'],
    ['https://example.com', 'contoso', 'true', 'not a substring'],
    [['Tcp', 'Udp'], 'UDP', 'false', 'array membership ignoring case'],
    [[], 'x', 'true', 'empty array'],
    [ABSENT, 'x', 'true', 'absent'],
    [null, 'x', 'true', 'explicit null'],
  ],
  in: [
    ['TLS1_2', ['TLS1_2', 'TLS1_3'], 'true', 'member'],
    ['TLS1_0', ['TLS1_2', 'TLS1_3'], 'false', 'not a member'],
    ['tls1_3', ['TLS1_2', 'TLS1_3'], 'true', 'member, case differs'],
    [ABSENT, ['a', 'b'], 'false', 'absent, list without null'],
    [ABSENT, ['a', null], 'true', 'absent, list with null'],
    [null, [null], 'true', 'explicit null, list with null'],
    [null, ['a'], 'false', 'explicit null, list without null'],
    ['x', [], 'false', 'empty list'],
    [[], ['a'], 'false', 'empty array actual'],
    [2, ['1', '2'], 'true', 'number vs numeric strings'],
    ['true', [true], 'true', '"true" vs bool'],
    ['a', 'a', 'false', 'RHS that is not an array'],
  ],
  notIn: [
    ['TLS1_2', ['TLS1_2', 'TLS1_3'], 'false', 'member'],
    ['TLS1_0', ['TLS1_2', 'TLS1_3'], 'true', 'not a member'],
    ['TLS1_3', ['tls1_2', 'tls1_3'], 'false', 'member, case differs'],
    [ABSENT, ['eastus'], 'true', 'absent (flagged, cf. azure-policy#576)'],
    [ABSENT, ['eastus', null], 'false', 'absent, list with null'],
    [null, ['a'], 'true', 'explicit null'],
    ['x', [], 'true', 'empty list'],
    [[], ['a'], 'true', 'empty array actual'],
    ['5', [5], 'false', 'numeric string vs number'],
  ],
  containsKey: [
    [{ env: 'prod' }, 'env', 'true', 'has the key'],
    [{ env: 'prod' }, 'owner', 'false', 'lacks the key'],
    [{ Env: 'prod' }, 'ENV', 'true', 'key case differs'],
    [{}, 'env', 'false', 'empty object'],
    [ABSENT, 'env', 'false', 'absent'],
    [null, 'env', 'false', 'explicit null'],
    [[], 'env', 'false', 'empty array'],
  ],
  notContainsKey: [
    [{ env: 'prod' }, 'env', 'false', 'has the key'],
    [{ env: 'prod' }, 'owner', 'true', 'lacks the key'],
    [{ Env: 'prod' }, 'env', 'false', 'key case differs'],
    [ABSENT, 'env', 'true', 'absent'],
    [null, 'env', 'true', 'explicit null'],
    [[], 'env', 'true', 'empty array'],
  ],
  less: [
    [1, 2, 'true', 'smaller number'],
    [2, 2, 'false', 'equal number'],
    ['5', 10, 'true', 'numeric string coerced (not "5" > "10")'],
    ['10', '9', 'false', 'two numeric strings compare as numbers'],
    ['apple', 'Banana', 'true', 'strings ignore case'],
    ['2024-01-01T00:00:00Z', '2025-01-01T00:00:00Z', 'true', 'ISO dates'],
    [ABSENT, 5, 'false', 'absent'],
    [null, 5, 'false', 'explicit null'],
    [[], 5, 'false', 'empty array'],
    [true, 5, 'false', 'bool vs number does not compare'],
  ],
  lessOrEquals: [
    [2, 2, 'true', 'equal'],
    [3, 2, 'false', 'greater'],
    ['B', 'b', 'true', 'equal ignoring case'],
    [ABSENT, 5, 'false', 'absent'],
    [null, 5, 'false', 'explicit null'],
    [[], 5, 'false', 'empty array'],
  ],
  greater: [
    [3, 2, 'true', 'greater'],
    [2, 2, 'false', 'equal'],
    ['1.5', 1, 'true', 'decimal string coerced'],
    ['b', 'A', 'true', 'strings ignore case'],
    [ABSENT, 0, 'false', 'absent'],
    [null, 0, 'false', 'explicit null'],
    [[], 0, 'false', 'empty array'],
  ],
  greaterOrEquals: [
    [2, 2, 'true', 'equal'],
    [1, 2, 'false', 'smaller'],
    ['90', 90, 'true', 'numeric string vs number'],
    [ABSENT, 0, 'false', 'absent'],
    [null, 0, 'false', 'explicit null'],
    [[], 0, 'false', 'empty array'],
  ],
  exists: [
    ['x', true, 'true', 'string exists'],
    ['', true, 'true', 'empty string exists'],
    [0, true, 'true', '0 exists'],
    [false, true, 'true', 'false exists'],
    [{}, true, 'true', '{} exists'],
    [[], true, 'true', 'empty array exists'],
    [ABSENT, true, 'false', 'absent'],
    [null, true, 'false', 'explicit null does not exist'],
    [ABSENT, false, 'true', 'absent, exists false'],
    [null, 'false', 'true', 'null, exists "false"'],
    ['x', 'true', 'true', 'exists "true" (string form)'],
    ['x', 'FALSE', 'false', 'exists "FALSE"'],
  ],
};

const rows = OPERATORS.flatMap((op) => TABLE[op].map(([actual, expected, t, note]) => ({ op, actual, expected, t, note })));

describe('applyOperator', () => {
  it('has a table for every operator', () => {
    expect(Object.keys(TABLE).sort()).toEqual([...OPERATORS].sort());
    for (const op of OPERATORS) {
      const kinds = TABLE[op].map(([a]) => (a === undefined ? 'absent' : a === null ? 'null' : Array.isArray(a) && a.length === 0 ? 'empty' : 'value'));
      expect(new Set(kinds), op).toEqual(new Set(['absent', 'null', 'empty', 'value']));
    }
  });

  it.each(rows)('$op: $note ($actual vs $expected) → $t', ({ op, actual, expected, t }) => {
    expect(applyOperator(op, actual, expected)).toBe(t);
  });
});

describe('applyOperator with Unknown values', () => {
  const EXPECTED: Record<Operator, unknown> = {
    equals: 'x', notEquals: 'x', like: 'x*', notLike: 'x*', match: '#', notMatch: '#', matchInsensitively: '#', notMatchInsensitively: '#',
    contains: 'x', notContains: 'x', in: ['x'], notIn: ['x'], containsKey: 'x', notContainsKey: 'x',
    less: 1, lessOrEquals: 1, greater: 1, greaterOrEquals: 1, exists: true, secure: true,
  };

  it.each([...OPERATORS])('%s of an Unknown value is unknown', (op) => {
    expect(applyOperator(op, unknown, EXPECTED[op])).toBe('unknown');
  });

  it.each([...OPERATORS].filter((op) => op !== 'exists'))('%s against an Unknown expected value is unknown', (op) => {
    expect(applyOperator(op, 'x', unknown)).toBe('unknown');
  });

  it.each<[Operator, unknown, unknown, Truth]>([
    ['equals', ['a', unknown], ['a', 'b'], 'unknown'],
    ['contains', ['a', unknown], 'b', 'unknown'],
    ['in', 'a', ['b', unknown], 'unknown'],
    // Presence does not depend on what is inside.
    ['exists', { a: unknown }, true, 'true'],
    ['exists', [unknown], false, 'false'],
    ['containsKey', { env: unknown }, 'env', 'true'],
    ['notContainsKey', { env: unknown }, 'owner', 'true'],
  ])('%s over %o vs %o → %s', (op, actual, expected, t) => {
    expect(applyOperator(op, actual, expected)).toBe(t);
  });
});
