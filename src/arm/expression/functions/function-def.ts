// The shape of one template function: its evaluation and whether it decides on Unknown arguments itself.
import type { Value } from '../../../core/unknown.js';
import type { EvalContext } from '../eval-context.js';

export interface TemplateFunction {
  evaluate(args: Value[], ctx: EvalContext): Value;
  /** When false (the default), any Unknown argument makes the result that Unknown. */
  acceptsUnknown?: boolean;
}

export type FunctionTable = Record<string, TemplateFunction>;
