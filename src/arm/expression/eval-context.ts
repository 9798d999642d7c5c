// What an expression can see while it is evaluated: parameters, variables, the deployment
// context, the current copy loop and the resources declared in the same template.
import type { Value } from '../../core/unknown.js';
import type { DeploymentContext } from '../deployment-context.js';
import type { TemplateFunction } from './functions/function-def.js';

export interface EvalContext {
  deployment: DeploymentContext;
  /** Parameter values by lower-cased name. */
  parameter(name: string): Value | undefined;
  /** Variable values by name (evaluated lazily, cycles reported as Unknown). */
  variable(name: string): Value | undefined;
  /** copyIndex() of the named loop, or of the innermost loop when no name is given. */
  copyIndex(loopName?: string): number | undefined;
  /** Notes a function the evaluator does not handle, once per name. */
  unsupported(functionName: string): void;
  /** Functions that exist only in this context (the policy language's field(), current()…). */
  localFunction?(name: string): TemplateFunction | undefined;
  /**
   * When given, the only names (lower-cased) that localFunction() answers for besides namespaced
   * ones (`ns.fn`, with a dot): a compiled call of any other function does not ask it. Never
   * changed once given (compiled calls remember what it holds).
   */
  readonly localFunctionNames?: ReadonlySet<string>;
  /** Reports a runtime failure that made only part of a value unknown (one member of an object). */
  runtimeFailure?(error: EvaluationError): void;
  /** A variable's expression as the template writes it (`[parameters('a')]`), when it is one. */
  variableExpression?(name: string): string | undefined;
}

/**
 * `invalid`: the template is wrong whatever the values (an undeclared parameter, a wrong number of
 * arguments). `runtime`: these values make the deployment fail (an index out of range, a missing
 * property), which may not happen with the values of a real deployment. `undocumented`: what ARM
 * does with these values is not documented, so the value is unknown (`json('')`).
 */
export type EvaluationErrorKind = 'invalid' | 'runtime' | 'undocumented';

export class EvaluationError extends Error {
  constructor(
    message: string,
    readonly kind: EvaluationErrorKind = 'invalid',
  ) {
    super(message);
  }
}
