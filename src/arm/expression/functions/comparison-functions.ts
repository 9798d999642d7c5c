// Comparison functions: coalesce, equals, less, lessOrEquals, greater, greaterOrEquals.
import { isUnknown, type Value } from '../../../core/unknown.js';
import { arity, describe, fail } from './arg-checks.js';
import { armEquals, nestedUnknown } from './arm-values.js';
import type { FunctionTable } from './function-def.js';

// Strings compare by culture, not by code unit: greater('A', 'a') is true (template-functions-comparison#greater).
const collator = new Intl.Collator('en', { caseFirst: 'lower', sensitivity: 'variant' });

function compare(name: string, a: Value, b: Value): number {
  if (typeof a === 'number' && typeof b === 'number') return a - b;
  if (typeof a === 'string' && typeof b === 'string') return collator.compare(a, b);
  return fail(name, `compares two numbers or two strings, got ${describe(a)} and ${describe(b)}`);
}

export const comparisonFunctions: FunctionTable = {
  coalesce: {
    acceptsUnknown: true,
    evaluate(a) {
      arity('coalesce', a, 1, Infinity);
      // An Unknown before the first known non-null value could itself be that value.
      for (const v of a) {
        if (isUnknown(v)) return v;
        if (v !== null) return v;
      }
      return null;
    },
    // Bicep's `a ?? b` is coalesce(): the fallback is evaluated only when it is needed.
    evaluateNodes(nodes, ctx, evaluate) {
      arity('coalesce', nodes, 1, Infinity);
      for (const node of nodes) {
        const v = evaluate(node, ctx);
        if (isUnknown(v) || v !== null) return v;
      }
      return null;
    },
  },
  equals: {
    evaluate(a) {
      arity('equals', a, 2);
      return nestedUnknown(a) ?? armEquals(a[0], a[1]);
    },
  },
  less: { evaluate: (a) => (arity('less', a, 2), compare('less', a[0], a[1]) < 0) },
  lessorequals: { evaluate: (a) => (arity('lessOrEquals', a, 2), compare('lessOrEquals', a[0], a[1]) <= 0) },
  greater: { evaluate: (a) => (arity('greater', a, 2), compare('greater', a[0], a[1]) > 0) },
  greaterorequals: { evaluate: (a) => (arity('greaterOrEquals', a, 2), compare('greaterOrEquals', a[0], a[1]) >= 0) },
};
