// User-defined template functions (`functions: [{namespace, members}]`): `ns.fn(args)` evaluates
// the member's output with its own parameters and the template's variables in scope, as ARM does
// (variables since 2024: Bicep functions may read the file's variables).
import type { Value } from '../core/unknown.js';
import type { DeploymentContext } from './deployment-context.js';
import { EvaluationError, type EvalContext } from './expression/eval-context.js';
import type { TemplateFunction } from './expression/functions/function-def.js';
import { member, members, type JsonNode } from './json-document.js';

const MAX_DEPTH = 32;

interface Evaluator extends EvalContext {
  deployment: DeploymentContext;
  /** Evaluates a node with another context (the function's parameters). */
  evaluateWith?(node: JsonNode | undefined, ctx: EvalContext): Value;
}

export function userFunctions(node: JsonNode | undefined, outer: Evaluator): Map<string, TemplateFunction> {
  const table = new Map<string, TemplateFunction>();
  let depth = 0;
  for (const ns of node?.children ?? []) {
    const namespace = String(member(ns, 'namespace')?.value ?? '');
    for (const [name, fn] of members(member(ns, 'members'))) {
      const params = (member(fn, 'parameters')?.children ?? []).map((p) => String(member(p, 'name')?.value ?? ''));
      const output = member(member(fn, 'output'), 'value');
      const qualified = `${namespace}.${name}`.toLowerCase();
      table.set(qualified, {
        evaluate(args) {
          if (args.length !== params.length) throw new EvaluationError(`${namespace}.${name}() takes ${params.length} argument(s), got ${args.length}`);
          if (++depth > MAX_DEPTH) {
            depth = 0;
            throw new EvaluationError(`${namespace}.${name}() calls itself too deeply (limit ${MAX_DEPTH})`);
          }
          try {
            const values = new Map(params.map((p, i) => [p.toLowerCase(), args[i]]));
            const ctx: EvalContext = {
              deployment: outer.deployment,
              parameter: (p) => values.get(p.toLowerCase()),
              variable: (v) => outer.variable(v),
              copyIndex: () => undefined,
              unsupported: (f) => outer.unsupported(f),
              localFunction: (f) => table.get(f) ?? outer.localFunction?.(f),
            };
            return outer.evaluateWith ? outer.evaluateWith(output, ctx) : null;
          } finally {
            depth--;
          }
        },
      });
    }
  }
  return table;
}
