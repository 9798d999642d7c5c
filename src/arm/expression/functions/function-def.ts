// The shape of one template function: its evaluation and whether it decides on Unknown arguments
// itself, or (lambda-taking functions) receives its argument nodes unevaluated.
import type { Value } from '../../../core/unknown.js';
import type { ExpressionNode } from '../ast.js';
import type { EvalContext } from '../eval-context.js';

/** Evaluates one argument node; given to functions that take their arguments unevaluated. */
export type EvaluateNode = (node: ExpressionNode, ctx: EvalContext) => Value;

export interface TemplateFunction {
  evaluate(args: Value[], ctx: EvalContext): Value;
  /** When false (the default), any Unknown argument makes the result that Unknown. */
  acceptsUnknown?: boolean;
  /**
   * When present, the evaluator calls this instead of `evaluate`, with the argument nodes
   * unevaluated: `map(xs, lambda('x', body))` must evaluate `body` once per element, not up front.
   */
  evaluateNodes?(args: ExpressionNode[], ctx: EvalContext, evaluate: EvaluateNode): Value;
}

export type FunctionTable = Record<string, TemplateFunction>;
