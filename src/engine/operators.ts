// The condition operators of the Azure Policy rule language applied to one value, with its case
// rules (insensitive except match/notMatch), coercions and missing-field behaviour.
import { spelledOutId } from '../arm/deployment-context.js';
import { Unknown, findUnknown, isUnknown } from '../core/unknown.js';
import { truth, type Truth } from './truth.js';

export const OPERATORS = [
  'equals', 'notEquals', 'like', 'notLike', 'match', 'notMatch', 'matchInsensitively', 'notMatchInsensitively',
  'contains', 'notContains', 'in', 'notIn', 'containsKey', 'notContainsKey',
  'less', 'lessOrEquals', 'greater', 'greaterOrEquals', 'exists',
  // azready's own: the field's value comes from a @secure() parameter or a secret parameter value
  // (Key Vault reference, getSecret()); only `field` conditions on template resources can say.
  'secure',
] as const;

export type Operator = (typeof OPERATORS)[number];

/** `undefined` is an absent field; `null` is an explicit JSON null. */
export function applyOperator(op: Operator, actual: unknown, expected: unknown): Truth {
  // `secure` needs the field's path and resource (evaluate-condition answers it); a bare value
  // cannot tell where it came from.
  if (op === 'secure') return 'unknown';
  // An Unknown whose type is certain (format(), resourceId(), a required parameter) is never null,
  // and an id in a resource group known only at deployment is still an id: both exist.
  if (op === 'exists' && isUnknown(actual) && (actual.type || spelledOutId(actual) !== undefined) && !findUnknown(expected)) return truth(toBool(expected));
  if (isUnknown(actual) || findUnknown(expected)) return 'unknown';
  // Presence and keys do not depend on Unknowns nested inside a present value.
  if (op === 'exists') return truth((actual !== undefined && actual !== null) === toBool(expected));
  if (op === 'containsKey') return truth(actual !== undefined && containsKeyOp(actual, expected));
  if (op === 'notContainsKey') return truth(actual === undefined || !containsKeyOp(actual, expected));
  if (findUnknown(actual)) return 'unknown';
  switch (op) {
    case 'equals':
      return truth(equalsOp(actual, expected));
    case 'notEquals':
      return truth(!equalsOp(actual, expected));
    case 'in':
      return truth(inOp(actual, expected));
    case 'notIn':
      return truth(!inOp(actual, expected));
    case 'like':
      return truth(actual !== undefined && likeOp(actual, expected));
    case 'notLike':
      return truth(actual === undefined || !likeOp(actual, expected));
    case 'match':
      return truth(actual !== undefined && matchOp(actual, expected, false));
    case 'notMatch':
      return truth(actual === undefined || !matchOp(actual, expected, false));
    case 'matchInsensitively':
      return truth(actual !== undefined && matchOp(actual, expected, true));
    case 'notMatchInsensitively':
      return truth(actual === undefined || !matchOp(actual, expected, true));
    case 'contains':
      return truth(actual !== undefined && containsOp(actual, expected));
    case 'notContains':
      return truth(actual === undefined || !containsOp(actual, expected));
    case 'less':
    case 'lessOrEquals':
    case 'greater':
    case 'greaterOrEquals': {
      if (actual === undefined || actual === null) return 'false';
      const c = compare(actual, expected);
      if (c === undefined) return 'false';
      if (op === 'less') return truth(c < 0);
      if (op === 'lessOrEquals') return truth(c <= 0);
      if (op === 'greater') return truth(c > 0);
      return truth(c >= 0);
    }
  }
}

function toBool(v: unknown): boolean {
  return v === true || (typeof v === 'string' && v.toLowerCase() === 'true');
}

/** Scalar form used for comparisons: strings lower-cased, numbers and booleans as text. */
function scalarText(v: unknown): string | undefined {
  if (v === null) return '';
  if (typeof v === 'string') return v.toLowerCase();
  if (typeof v === 'number' || typeof v === 'boolean') return String(v).toLowerCase();
  return undefined;
}

export function equalsOp(actual: unknown, expected: unknown): boolean {
  if (actual === undefined) return expected === null;
  if (Array.isArray(actual) || Array.isArray(expected) || isObject(actual) || isObject(expected)) {
    return deepEqualsInsensitive(actual, expected);
  }
  const a = scalarText(actual);
  const e = scalarText(expected);
  return a !== undefined && a === e;
}

function isObject(v: unknown): v is Record<string, unknown> {
  return v !== null && typeof v === 'object' && !Array.isArray(v) && !(v instanceof Unknown);
}

function deepEqualsInsensitive(a: unknown, b: unknown): boolean {
  if (Array.isArray(a) && Array.isArray(b)) return a.length === b.length && a.every((x, i) => deepEqualsInsensitive(x, b[i]));
  if (isObject(a) && isObject(b)) {
    const ak = Object.keys(a);
    const bk = Object.keys(b);
    if (ak.length !== bk.length) return false;
    return ak.every((k) => {
      const match = bk.find((x) => x.toLowerCase() === k.toLowerCase());
      return match !== undefined && deepEqualsInsensitive(a[k], b[match]);
    });
  }
  if (Array.isArray(a) || Array.isArray(b) || isObject(a) || isObject(b)) return false;
  return scalarText(a) === scalarText(b);
}

function inOp(actual: unknown, expected: unknown): boolean {
  if (!Array.isArray(expected)) return false;
  if (actual === undefined) return expected.some((e) => e === null);
  return expected.some((e) => equalsOp(actual, e));
}

/** Compiled `like` patterns: a rule's few patterns are tested against every value of an estate. */
const likePatterns = new Map<string, RegExp>();

/** `*` matches any run of characters, `?` one character; case-insensitive; whole string. */
function likeOp(actual: unknown, pattern: unknown): boolean {
  const a = scalarText(actual);
  if (a === undefined || typeof pattern !== 'string') return false;
  let re = likePatterns.get(pattern);
  if (!re) {
    re = new RegExp('^' + pattern.toLowerCase().replace(/[.+^${}()|[\]\\]/g, '\\$&').replace(/\*/g, '.*').replace(/\?/g, '.') + '$', 's');
    if (likePatterns.size > 10_000) likePatterns.clear();
    likePatterns.set(pattern, re);
  }
  return re.test(a);
}

/** `#` a digit, `?` a letter, `.` any character, anything else itself; whole string. */
function matchOp(actual: unknown, pattern: unknown, insensitive: boolean): boolean {
  if (typeof actual !== 'string' || typeof pattern !== 'string') return false;
  if (actual.length !== pattern.length) return false;
  for (let i = 0; i < pattern.length; i++) {
    const p = pattern[i];
    const c = actual[i];
    if (p === '#') {
      if (!/[0-9]/.test(c)) return false;
    } else if (p === '?') {
      if (!/\p{L}/u.test(c)) return false;
    } else if (p === '.') {
      continue;
    } else if (insensitive ? p.toLowerCase() !== c.toLowerCase() : p !== c) {
      return false;
    }
  }
  return true;
}

function containsOp(actual: unknown, expected: unknown): boolean {
  if (Array.isArray(actual)) return actual.some((x) => equalsOp(x, expected));
  if (typeof actual === 'string') {
    const e = scalarText(expected);
    return e !== undefined && actual.toLowerCase().includes(e);
  }
  if (isObject(actual)) return containsKeyOp(actual, expected);
  return false;
}

function containsKeyOp(actual: unknown, key: unknown): boolean {
  if (!isObject(actual) || typeof key !== 'string') return false;
  const k = key.toLowerCase();
  return Object.keys(actual).some((x) => x.toLowerCase() === k);
}

/** Numbers compare as numbers (numeric strings too), strings case-insensitively. */
function compare(a: unknown, b: unknown): number | undefined {
  const an = toNumber(a);
  const bn = toNumber(b);
  if (an !== undefined && bn !== undefined) return an - bn;
  if (typeof a === 'string' && typeof b === 'string') {
    const x = a.toLowerCase();
    const y = b.toLowerCase();
    return x < y ? -1 : x > y ? 1 : 0;
  }
  return undefined;
}

function toNumber(v: unknown): number | undefined {
  if (typeof v === 'number') return v;
  if (typeof v === 'string' && /^\s*-?\d+(\.\d+)?\s*$/.test(v)) return Number(v);
  return undefined;
}
