// Evaluates a parsed expression. Unknowns propagate: a function given an Unknown argument returns
// it (except the few that can decide without it, like `if` with a known condition). Type errors
// and bad arguments throw EvaluationError, which the expander turns into a diagnostic.
import { Unknown, findUnknown, isUnknown, typedUnknown, type Value } from '../../core/unknown.js';
import type { ExpressionNode } from './ast.js';
import { EvaluationError, type EvalContext } from './eval-context.js';
import type { TemplateFunction } from './functions/function-def.js';
import { FUNCTIONS } from './functions/index.js';
import { returnTypeOf } from './functions/return-types.js';
import { sameIgnoringCase } from '../same-ignoring-case.js';

export function evaluateExpression(node: ExpressionNode, ctx: EvalContext): Value {
  switch (node.kind) {
    case 'string':
    case 'number':
      return node.value;
    case 'property': {
      const obj = evaluateExpression(node.object, ctx);
      return member(obj, node.name, node.safe);
    }
    case 'index': {
      const obj = evaluateExpression(node.object, ctx);
      const idx = evaluateExpression(node.index, ctx);
      if (isUnknown(idx)) return typedUnknown(idx, undefined);
      return member(obj, idx, node.safe);
    }
    case 'call':
      return call(node, ctx);
  }
}

function call(node: Extract<ExpressionNode, { kind: 'call' }>, ctx: EvalContext): Value {
  const name = node.name.toLowerCase();
  // `if` evaluates only the branch it takes, so an Unknown in the other branch does not leak.
  if (name === 'if') {
    if (node.args.length !== 3) throw new EvaluationError('if() takes 3 arguments: condition, trueValue, falseValue');
    const cond = evaluateExpression(node.args[0], ctx);
    if (isUnknown(cond)) return typedUnknown(cond, undefined);
    return evaluateExpression(node.args[cond ? 1 : 2], ctx);
  }
  const fn = ctx.localFunction?.(name) ?? FUNCTIONS.lookup(name, node.name);
  if (!fn) {
    ctx.unsupported(node.name);
    return new Unknown(`the template function '${node.name}' is not evaluated by this version of azready`, node.name);
  }
  // Lambda-taking functions (map, filter…) evaluate their own arguments, the lambda body per element.
  if (fn.evaluateNodes) return fn.evaluateNodes(node.args, ctx, evaluateExpression);
  const nodes = node.args;
  const args: Value[] = [];
  for (let i = 0; i < nodes.length; i++) args.push(evaluateExpression(nodes[i], ctx));
  return applyFunction(fn, args, ctx, returnTypeOf(name));
}

/**
 * A table function on evaluated arguments: an Unknown argument is the result unless the function
 * decides on Unknowns itself, and an Unknown result carries the type the function always returns.
 */
export function applyFunction(fn: TemplateFunction, args: Value[], ctx: EvalContext, returns: ReturnType<typeof returnTypeOf>): Value {
  if (!fn.acceptsUnknown) {
    for (let i = 0; i < args.length; i++) {
      const a = args[i];
      if (a instanceof Unknown) return typedUnknown(a, returns);
    }
  }
  let result: Value;
  try {
    result = fn.evaluate(args, ctx);
  } catch (e) {
    // A function that rejects what it was given (join() of a non-string, min() of a non-number)
    // may only be seeing an Unknown's placeholder inside an array or object: with the value
    // known, it might not fail. The result is that Unknown, not an error.
    const unknown = e instanceof EvaluationError ? findUnknown(args) : undefined;
    if (unknown) return typedUnknown(unknown, returns);
    throw e;
  }
  return result instanceof Unknown ? typedUnknown(result, returns) : result;
}

/** Property or index access; names compare case-insensitively on objects, as ARM does. */
export function member(obj: Value, key: Value, safe: boolean): Value {
  if (isUnknown(obj)) {
    if (obj.known && typeof key === 'string') {
      const known = obj.known;
      for (const k of Object.keys(known)) if (sameIgnoringCase(k, key)) return known[k];
    }
    // A member of an unknown value may be anything, null included.
    return typedUnknown(obj, undefined);
  }
  if (obj === null) {
    if (safe) return null;
    throw new EvaluationError(`cannot read '${String(key)}' of null`, 'runtime');
  }
  if (Array.isArray(obj)) {
    if (typeof key !== 'number') throw new EvaluationError(`an array is indexed by a number, not '${String(key)}'`);
    if (key < 0 || key >= obj.length) {
      if (safe) return null;
      throw new EvaluationError(`index ${key} is out of range for an array of length ${obj.length}`, 'runtime');
    }
    return obj[key];
  }
  if (typeof obj === 'object') {
    const k = String(key);
    if (k in obj) return (obj as Record<string, Value>)[k];
    const record = obj as Record<string, Value>;
    for (const name of Object.keys(record)) if (sameIgnoringCase(name, k)) return record[name];
    if (safe) return null;
    throw new EvaluationError(`the object has no property '${k}'`, 'runtime');
  }
  throw new EvaluationError(`cannot read '${String(key)}' of a ${typeof obj}`);
}
