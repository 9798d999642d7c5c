// Lambda functions: filter, map, reduce, sort, toObject, groupBy, mapValues. In ARM JSON a lambda is
// written `lambda('x', <body>)` and its body reads `lambdaVariables('x')`; these functions receive
// their argument nodes unevaluated and evaluate the body once per element.
import { isUnknown, type Value } from '../../../core/unknown.js';
import type { ExpressionNode } from '../ast.js';
import { EvaluationError, type EvalContext } from '../eval-context.js';
import { arity, arr, describe, fail, obj, str } from './arg-checks.js';
import type { EvaluateNode, FunctionTable, TemplateFunction } from './function-def.js';

class Lambda {
  constructor(
    readonly params: string[],
    readonly body: ExpressionNode,
  ) {}
}

/** Thrown inside a lambda-taking function to stop at the first Unknown it cannot decide without. */
class UnknownResult {
  constructor(readonly value: Value) {}
}

export const lambdaFunctions: FunctionTable = {
  filter: lambdaTaking('filter', 2, 2, ([list, predicate], call) =>
    arr('filter', plain('filter', list)).filter((x, i) => {
      const keep = call(predicate, [x, i]);
      if (typeof keep !== 'boolean') fail('filter', `expects its lambda to return a bool, got ${describe(keep)}`);
      return keep;
    }),
  ),
  map: lambdaTaking('map', 2, 2, ([list, mapper], call) => arr('map', plain('map', list)).map((x, i) => call(mapper, [x, i], true))),
  reduce: lambdaTaking('reduce', 3, 3, ([list, initial, reducer], call) =>
    arr('reduce', plain('reduce', list)).reduce<Value>((acc, x, i) => call(reducer, [acc, x, i], true), plain('reduce', initial)),
  ),
  sort: lambdaTaking('sort', 2, 2, ([list, lessThan], call) => {
    // The lambda answers "does a come before b?" (template-functions-lambda#sort).
    const before = (a: Value, b: Value): boolean => {
      const r = call(lessThan, [a, b]);
      if (typeof r !== 'boolean') fail('sort', `expects its lambda to return a bool, got ${describe(r)}`);
      return r;
    };
    return [...arr('sort', plain('sort', list))].sort((a, b) => (before(a, b) ? -1 : before(b, a) ? 1 : 0));
  }),
  toobject: lambdaTaking('toObject', 2, 3, ([list, keyOf, valueOf], call) => {
    const out: Record<string, Value> = {};
    for (const x of arr('toObject', plain('toObject', list))) out[keyString('toObject', call(keyOf, [x]))] = valueOf ? call(valueOf, [x], true) : x;
    return out;
  }),
  groupby: lambdaTaking('groupBy', 2, 3, ([list, keyOf, valueOf], call) => {
    const out: Record<string, Value[]> = {};
    for (const x of arr('groupBy', plain('groupBy', list))) (out[keyString('groupBy', call(keyOf, [x]))] ??= []).push(valueOf ? call(valueOf, [x], true) : x);
    return out;
  }),
  mapvalues: lambdaTaking('mapValues', 2, 2, ([o, mapper], call) =>
    Object.fromEntries(Object.entries(obj('mapValues', plain('mapValues', o))).map(([k, v]) => [k, call(mapper, [v], true)])),
  ),
  lambda: {
    evaluateNodes: () => {
      throw new EvaluationError('lambda() can only be an argument of filter(), map(), reduce(), sort(), toObject(), groupBy() or mapValues()');
    },
    evaluate: () => fail('lambda', 'can only be an argument of a lambda-taking function'),
  },
  lambdavariables: {
    evaluate: (a) => (arity('lambdaVariables', a, 1), fail('lambdaVariables', `reads '${String(a[0])}', but is used outside a lambda`)),
  },
};

type Call = (fn: Value | Lambda, values: Value[], allowUnknown?: boolean) => Value;

/**
 * A function whose arguments are values or lambdas: each `lambda(...)` node becomes a Lambda, every
 * other argument is evaluated (an Unknown one makes the result Unknown).
 */
function lambdaTaking(name: string, min: number, max: number, body: (args: (Value | Lambda)[], call: Call) => Value): TemplateFunction {
  return {
    evaluateNodes(nodes: ExpressionNode[], ctx: EvalContext, evaluate: EvaluateNode): Value {
      arity(name, nodes, min, max);
      const args: (Value | Lambda)[] = [];
      for (const node of nodes) {
        if (node.kind === 'call' && node.name.toLowerCase() === 'lambda') args.push(toLambda(name, node, ctx, evaluate));
        else {
          const v = evaluate(node, ctx);
          if (isUnknown(v)) return v;
          args.push(v);
        }
      }
      const call: Call = (fn, values, allowUnknown = false) => {
        if (!isLambda(fn)) return fail(name, `expects a lambda, got ${describe(fn)}`);
        const result = evaluate(fn.body, lambdaScope(ctx, fn.params, values));
        // Mapped values may stay Unknown; a predicate, key or comparison that is Unknown decides nothing.
        if (isUnknown(result) && !allowUnknown) throw new UnknownResult(result);
        return result;
      };
      for (const a of args.slice(0, 1)) if (isLambda(a)) fail(name, 'expects a collection before its lambda');
      try {
        return body(args, call);
      } catch (e) {
        if (e instanceof UnknownResult) return e.value;
        throw e;
      }
    },
    evaluate: () => fail(name, 'needs its arguments unevaluated'),
  };
}

function isLambda(v: Value | Lambda | undefined): v is Lambda {
  return v instanceof Lambda;
}

/** An argument that must be a value, not a lambda. */
function plain(name: string, v: Value | Lambda): Value {
  if (isLambda(v)) return fail(name, 'was given a lambda where it expects a value');
  return v;
}

function toLambda(name: string, node: Extract<ExpressionNode, { kind: 'call' }>, ctx: EvalContext, evaluate: EvaluateNode): Lambda {
  if (node.args.length < 2) fail('lambda', `needs at least one variable name and a body, got ${node.args.length} argument(s) in ${name}()`);
  const params = node.args.slice(0, -1).map((p) => str('lambda', evaluate(p, ctx)));
  return new Lambda(params, node.args[node.args.length - 1]);
}

/**
 * A context where `lambdaVariables(p)` reads the lambda's values, falling back to enclosing lambdas;
 * everything else is asked of the enclosing context, which stays `this` for its own methods (a
 * context derived with Object.create would keep state of its own, and turn the enclosing one into a
 * prototype that property reads elsewhere no longer recognise).
 */
function lambdaScope(ctx: EvalContext, params: string[], values: Value[]): EvalContext {
  return new LambdaScope(ctx, params, values);
}

class LambdaScope implements EvalContext {
  readonly deployment: EvalContext['deployment'];
  readonly runtimeFailure?: (error: EvaluationError) => void;
  private readonly vars = new Map<string, Value>();
  private readonly read: TemplateFunction;

  constructor(
    private readonly outer: EvalContext,
    params: string[],
    values: Value[],
  ) {
    this.deployment = outer.deployment;
    if (outer.runtimeFailure) this.runtimeFailure = (e) => outer.runtimeFailure!(e);
    for (let i = 0; i < params.length && i < values.length; i++) this.vars.set(params[i], values[i]);
    const vars = this.vars;
    this.read = {
      evaluate(a) {
        arity('lambdaVariables', a, 1);
        const key = str('lambdaVariables', a[0]);
        const v = vars.get(key) ?? [...vars].find(([k]) => k.toLowerCase() === key.toLowerCase())?.[1];
        if (v !== undefined) return v;
        const enclosing = outer.localFunction?.('lambdavariables');
        if (enclosing) return enclosing.evaluate(a, outer);
        return fail('lambdaVariables', `reads '${key}', which is not a variable of an enclosing lambda`);
      },
    };
  }

  parameter(name: string): Value | undefined {
    return this.outer.parameter(name);
  }

  variable(name: string): Value | undefined {
    return this.outer.variable(name);
  }

  copyIndex(loopName?: string): number | undefined {
    return this.outer.copyIndex(loopName);
  }

  unsupported(functionName: string): void {
    this.outer.unsupported(functionName);
  }

  localFunction(name: string): TemplateFunction | undefined {
    return name === 'lambdavariables' ? this.read : this.outer.localFunction?.(name);
  }
}

function keyString(name: string, v: Value): string {
  if (typeof v === 'string') return v;
  return fail(name, `expects its key lambda to return a string, got ${describe(v)}`);
}
