// Logical functions: and, or, not, bool, true, false, and fail(). `if` is evaluated by the
// evaluator itself (evaluate-expression.ts) because it must not evaluate the branch it skips.
import { type Value } from '../../../core/unknown.js';
import { EvaluationError } from '../eval-context.js';
import { arity, bool, describe, str } from './arg-checks.js';
import type { FunctionTable } from './function-def.js';

export const logicalFunctions: FunctionTable = {
  true: { evaluate: (a) => (arity('true', a, 0), true) },
  false: { evaluate: (a) => (arity('false', a, 0), false) },
  and: { evaluate: (a) => (arity('and', a, 2, Infinity), a.map((x) => bool('and', x)).every(Boolean)) },
  or: { evaluate: (a) => (arity('or', a, 2, Infinity), a.map((x) => bool('or', x)).some(Boolean)) },
  not: { evaluate: (a) => (arity('not', a, 1), !bool('not', a[0])) },
  bool: {
    evaluate(a): Value {
      arity('bool', a, 1);
      const v = a[0];
      if (typeof v === 'boolean') return v;
      if (typeof v === 'number') return v !== 0;
      if (typeof v === 'string' && /^\s*(true|false)\s*$/i.test(v)) return v.trim().toLowerCase() === 'true';
      throw new EvaluationError(`bool() cannot convert ${describe(v)}`);
    },
  },
  fail: {
    evaluate(a): Value {
      arity('fail', a, 1);
      throw new EvaluationError(`fail(): ${str('fail', a[0])}`);
    },
  },
};
