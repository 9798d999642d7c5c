// Checks a parameter value against its declaration: type, allowedValues, minValue/maxValue,
// minLength/maxLength. Returns what is wrong in words, or undefined.
import type { Value } from '../core/unknown.js';
import { equalsIgnoringKeyOrder } from './value-equality.js';

export function checkParameterValue(value: Value, decl: Record<string, unknown>): string | undefined {
  const type = String(decl.type ?? '').toLowerCase();
  const typeProblem = checkType(value, type);
  if (typeProblem) return typeProblem;
  const allowed = decl.allowedValues;
  if (Array.isArray(allowed)) {
    const problem = checkAllowed(value, type, allowed);
    if (problem) return problem;
  }
  if (typeof value === 'number') {
    if (typeof decl.minValue === 'number' && value < decl.minValue) return `the minimum is ${decl.minValue}`;
    if (typeof decl.maxValue === 'number' && value > decl.maxValue) return `the maximum is ${decl.maxValue}`;
  }
  if (typeof value === 'string' || Array.isArray(value)) {
    if (typeof decl.minLength === 'number' && value.length < decl.minLength) return `the minimum length is ${decl.minLength}`;
    if (typeof decl.maxLength === 'number' && value.length > decl.maxLength) return `the maximum length is ${decl.maxLength}`;
  }
  return undefined;
}

/**
 * Apart from checkParameterValue: its closures would make every call of that function (one per
 * parameter of every template) allocate their context, allowed values or not.
 */
function checkAllowed(value: Value, type: string, allowed: unknown[]): string | undefined {
  // ARM compares strings with allowedValues ignoring case ('eastus' passes for 'EastUS'); only
  // Bicep's own type check at build time is case-sensitive.
  const isAllowed = (v: Value) => allowed.some((a) => (typeof a === 'string' && typeof v === 'string' ? a.toLowerCase() === v.toLowerCase() : equalsIgnoringKeyOrder(a as Value, v)));
  // An array parameter's allowed values are those of its elements. A declaration without a type
  // (Bicep's `resourceInput<…>` types, which azready does not resolve) may be either: an array
  // value passes when each element, or the whole, is allowed.
  const ok = Array.isArray(value) && (type === 'array' || (type === '' && !isAllowed(value))) ? value.every(isAllowed) : isAllowed(value);
  return ok ? undefined : `it must be one of ${allowed.map((a) => JSON.stringify(a)).join(', ')}`;
}

function checkType(value: Value, type: string): string | undefined {
  if (value === null) return undefined;
  switch (type) {
    case 'string':
    case 'securestring':
      return typeof value === 'string' ? undefined : 'it must be a string';
    case 'int':
      return typeof value === 'number' && Number.isInteger(value) ? undefined : 'it must be an integer';
    case 'bool':
      return typeof value === 'boolean' ? undefined : 'it must be a bool';
    case 'array':
      return Array.isArray(value) ? undefined : 'it must be an array';
    case 'object':
    case 'secureobject':
      return typeof value === 'object' && !Array.isArray(value) ? undefined : 'it must be an object';
    default:
      return undefined;
  }
}
