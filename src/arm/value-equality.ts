// Deep equality of template values where object key order does not matter.
import { isUnknown, type Value } from '../core/unknown.js';

export function equalsIgnoringKeyOrder(a: Value, b: Value): boolean {
  if (a === b) return true;
  if (Array.isArray(a) && Array.isArray(b)) return a.length === b.length && a.every((x, i) => equalsIgnoringKeyOrder(x, b[i]));
  if (a && b && typeof a === 'object' && typeof b === 'object' && !Array.isArray(a) && !Array.isArray(b) && !isUnknown(a) && !isUnknown(b)) {
    const ka = Object.keys(a);
    const kb = Object.keys(b);
    return ka.length === kb.length && ka.every((k) => k in b && equalsIgnoringKeyOrder((a as Record<string, Value>)[k], (b as Record<string, Value>)[k]));
  }
  return false;
}
