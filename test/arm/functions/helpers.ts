// A minimal evaluation context for the function tests: a few parameters, variables and a loop index.
import { expect } from 'vitest';
import { DEFAULT_DEPLOYMENT } from '../../../src/arm/deployment-context.js';
import { EvaluationError, type EvalContext } from '../../../src/arm/expression/eval-context.js';
import { evaluateExpression } from '../../../src/arm/expression/evaluate-expression.js';
import { parseExpression } from '../../../src/arm/expression/parse-expression.js';
import { Unknown, isUnknown, type Value } from '../../../src/core/unknown.js';

export function context(params: Record<string, Value> = {}, unsupported: string[] = []): EvalContext {
  const lower = Object.fromEntries(Object.entries(params).map(([k, v]) => [k.toLowerCase(), v]));
  return {
    deployment: DEFAULT_DEPLOYMENT,
    parameter: (name) => lower[name.toLowerCase()],
    variable: (name) => lower[name.toLowerCase()],
    copyIndex: () => undefined,
    unsupported: (name) => void unsupported.push(name),
  };
}

/** Evaluates `text` (an expression without its brackets); `params` serve parameters() and variables(). */
export function run(text: string, params: Record<string, Value> = {}): Value {
  const parsed = parseExpression(text);
  if (!parsed.ok) throw new Error(`parse failed: ${parsed.error.message}`);
  return evaluateExpression(parsed.node, context(params));
}

export function unknownOf(text: string, params: Record<string, Value> = {}): Unknown {
  const v = run(text, params);
  expect(isUnknown(v), `${text} should be Unknown, got ${JSON.stringify(v)}`).toBe(true);
  return v as Unknown;
}

/** Asserts `text` throws an EvaluationError whose message contains `message`. */
export function expectError(text: string, message: string, params: Record<string, Value> = {}): void {
  let error: unknown;
  try {
    run(text, params);
  } catch (e) {
    error = e;
  }
  expect(error, `${text} should throw`).toBeInstanceOf(EvaluationError);
  expect((error as Error).message).toContain(message);
}

export const LATER = new Unknown("the parameter 'later' has no value");
