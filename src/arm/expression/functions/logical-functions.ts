// Logical functions: and, or, not, bool, true, false, and fail(). `if` is evaluated by the
// evaluator itself (evaluate-expression.ts) because it must not evaluate the branch it skips.
import { isUnknown, type Value } from '../../../core/unknown.js';
import type { ExpressionNode } from '../ast.js';
import { EvaluationError, type EvalContext } from '../eval-context.js';
import { arity, bool, describe, str } from './arg-checks.js';
import type { EvaluateNode, FunctionTable } from './function-def.js';

/**
 * ARM does not evaluate the arguments after one that decides `and`/`or`, so templates guard a
 * property read with `and(contains(o, 'k'), not(empty(o.k)))`. An argument that fails after a
 * deciding (or Unknown) one is therefore not an error.
 */
function shortCircuit(name: 'and' | 'or', nodes: ExpressionNode[], ctx: EvalContext, evaluate: EvaluateNode): Value {
  arity(name, nodes, 2, Infinity);
  const decisive = name === 'or';
  const values: Value[] = [];
  for (const node of nodes) {
    try {
      values.push(evaluate(node, ctx));
    } catch (e) {
      const settled = values.find((v) => v === decisive) ?? values.find(isUnknown);
      if (settled !== undefined) return settled;
      throw e;
    }
  }
  const unknown = values.find(isUnknown);
  if (unknown) return values.includes(decisive) ? decisive : unknown;
  return name === 'and' ? values.map((x) => bool(name, x)).every(Boolean) : values.map((x) => bool(name, x)).some(Boolean);
}

export const logicalFunctions: FunctionTable = {
  true: { evaluate: (a) => (arity('true', a, 0), true) },
  false: { evaluate: (a) => (arity('false', a, 0), false) },
  and: { evaluate: (a) => (arity('and', a, 2, Infinity), a.map((x) => bool('and', x)).every(Boolean)), evaluateNodes: (n, ctx, ev) => shortCircuit('and', n, ctx, ev) },
  or: { evaluate: (a) => (arity('or', a, 2, Infinity), a.map((x) => bool('or', x)).some(Boolean)), evaluateNodes: (n, ctx, ev) => shortCircuit('or', n, ctx, ev) },
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
