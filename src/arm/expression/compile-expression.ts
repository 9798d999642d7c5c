// Turns a parsed expression into a closure that evaluates it, with the same results and errors as
// evaluateExpression. A template's expressions are evaluated again and again (every copy-loop
// iteration, every module instance, every pass), so the work that depends only on the text is
// done once: lower-casing function names, finding them in the function table, and reading the
// literal name of parameters('…') and variables('…').
import { Unknown, isUnknown, typedUnknown, type Value } from '../../core/unknown.js';
import type { ExpressionNode } from './ast.js';
import { EvaluationError, type EvalContext } from './eval-context.js';
import { spelledOutId, unknownNameText } from '../deployment-context.js';
import { applyFunction, evaluateExpression, member } from './evaluate-expression.js';
import type { EvaluateNode } from './functions/function-def.js';
import { FUNCTIONS } from './functions/index.js';
import { returnTypeOf } from './functions/return-types.js';
import { parseBracketed, type ParseResult } from './parse-expression.js';
import { dereferencedExpressionText, expressionText } from './expression-text.js';

export type CompiledExpression = (ctx: EvalContext) => Value;

export type CompileResult = { ok: true; run: CompiledExpression } | Extract<ParseResult, { ok: false }>;

const cache = new Map<string, CompileResult>();

/** The compiled form of a whole `[...]` template string, cached by the string. */
export function compileBracketed(text: string): CompileResult {
  const hit = cache.get(text);
  if (hit) return hit;
  const parsed = parseBracketed(text);
  const result: CompileResult = parsed.ok ? { ok: true, run: compile(parsed.node) } : parsed;
  if (cache.size > 50_000) cache.clear();
  cache.set(text, result);
  return result;
}

/**
 * The closure of every node of every compiled expression, so that functions that take their
 * arguments unevaluated (coalesce, and, or, lambdas…) run them compiled too.
 */
const compiledNodes = new WeakMap<ExpressionNode, CompiledExpression>();

const evaluateCompiled: EvaluateNode = (node, ctx) => {
  const compiled = compiledNodes.get(node);
  return compiled ? compiled(ctx) : evaluateExpression(node, ctx);
};

function compile(node: ExpressionNode): CompiledExpression {
  const compiled = compileNode(node);
  compiledNodes.set(node, compiled);
  return compiled;
}

function compileNode(node: ExpressionNode): CompiledExpression {
  switch (node.kind) {
    case 'string':
    case 'number': {
      const value = node.value;
      return () => value;
    }
    case 'property': {
      const object = compile(node.object);
      const name = node.name;
      const safe = node.safe;
      return (ctx) => member(object(ctx), name, safe);
    }
    case 'index': {
      const object = compile(node.object);
      const index = compile(node.index);
      const safe = node.safe;
      return (ctx) => {
        const obj = object(ctx);
        const idx = index(ctx);
        if (isUnknown(idx)) return typedUnknown(idx, undefined);
        return member(obj, idx, safe);
      };
    }
    case 'call':
      return compileCall(node);
  }
}

function compileCall(node: Extract<ExpressionNode, { kind: 'call' }>): CompiledExpression {
  const key = node.name.toLowerCase();
  const spelled = node.name;
  const nodes = node.args;
  const args = nodes.map(compile);
  if (key === 'if') {
    return (ctx) => {
      if (args.length !== 3) throw new EvaluationError('if() takes 3 arguments: condition, trueValue, falseValue');
      const cond = args[0](ctx);
      if (isUnknown(cond)) return typedUnknown(cond, undefined);
      return args[cond ? 1 : 2](ctx);
    };
  }
  // The table is fixed, so its answer is too; only a context's own functions must be asked each time.
  const global = FUNCTIONS.lookup(key, spelled);
  // What the function returns whatever its arguments: an Unknown result carries that type.
  const returns = returnTypeOf(key);
  const namespaced = key.includes('.');
  // Whether `ctx` may define this function itself (see EvalContext.localFunctionNames). The answer
  // of the last set asked is kept: template scopes all share one.
  let lastNames: ReadonlySet<string> | undefined;
  let lastHas = false;
  const mayBeLocal = (ctx: EvalContext): boolean => {
    const names = ctx.localFunctionNames;
    if (namespaced || names === undefined) return true;
    if (names !== lastNames) {
      lastNames = names;
      lastHas = names.has(key);
    }
    return lastHas;
  };
  // Most such functions evaluate their own arguments only: those are found without the WeakMap.
  const evaluateArgument: EvaluateNode = (n, ctx) => {
    for (let i = 0; i < nodes.length; i++) if (nodes[i] === n) return args[i](ctx);
    return evaluateCompiled(n, ctx);
  };
  const generic: CompiledExpression = (ctx) => {
    const fn = (mayBeLocal(ctx) ? ctx.localFunction?.(key) : undefined) ?? global;
    if (!fn) {
      ctx.unsupported(spelled);
      return new Unknown(`the template function '${spelled}' is not evaluated by this version of azready`, spelled);
    }
    if (fn.evaluateNodes) return fn.evaluateNodes(nodes, ctx, evaluateArgument);
    return applyFunction(fn, argumentValues(args, ctx), ctx, returns);
  };
  // parameters('name') and variables('name'), the commonest calls, read the context directly
  // (what the table's functions do) unless the context defines its own.
  const literal = nodes.length === 1 && nodes[0].kind === 'string' ? nodes[0].value : undefined;
  if (literal !== undefined && key === 'parameters' && global) {
    return (ctx) => {
      if (mayBeLocal(ctx) && ctx.localFunction?.(key)) return generic(ctx);
      const v = ctx.parameter(literal);
      if (v === undefined) throw new EvaluationError(`the parameter '${literal}' is not declared`);
      return v;
    };
  }
  if (literal !== undefined && key === 'variables' && global) {
    return (ctx) => {
      if (mayBeLocal(ctx) && ctx.localFunction?.(key)) return generic(ctx);
      const v = ctx.variable(literal);
      if (v === undefined) throw new EvaluationError(`the variable '${literal}' is not declared`);
      return v;
    };
  }
  if ((key === 'resourceid' || key === 'subscriptionresourceid') && global) {
    // The arguments written back as text (expressionText), made at the first unknown name.
    let texts: string[] | undefined;
    return (ctx) => {
      if (mayBeLocal(ctx) && ctx.localFunction?.(key)) return generic(ctx);
      const values = argumentValues(args, ctx);
      const named = unknownNames(values, (texts ??= nodes.map(expressionText)), ctx);
      if (!named) return applyFunction(global, values, ctx, returns);
      // The id with each unknown name spelled as the resource's own id spells it, so relations find
      // the resource it names (`acr.id` where the registry's name is a parameter without value).
      const id = applyFunction(global, named.values, ctx, returns);
      const spelledId = typeof id === 'string' ? id : spelledOutId(id);
      return new Unknown(named.reason, spelledId, undefined, 'string', named.type);
    };
  }
  return generic;
}

/**
 * A resource id call's arguments with each unknown name segment replaced by its spelling in ids
 * (`{unknown name: parameters('acrName')}`), when only name segments are unknown.
 */
function unknownNames(values: Value[], texts: readonly string[], ctx: EvalContext): { values: Value[]; reason: string; type: string } | undefined {
  const ti = values.findIndex((v) => typeof v === 'string' && v.includes('/') && !v.startsWith('/'));
  if (ti < 0) return undefined;
  let reason: string | undefined;
  for (let i = 0; i < values.length; i++) {
    const v = values[i];
    if (!isUnknown(v)) continue;
    if (i <= ti) return undefined;
    reason ??= v.reason;
  }
  if (reason === undefined) return undefined;
  return { values: values.map((v, i) => (isUnknown(v) ? `{unknown name: ${unknownNameText(dereferencedExpressionText(texts[i], ctx))}}` : v)), reason, type: (values[ti] as string).replace(/\/+$/, '') };
}

/** The values of a call's arguments, in an array of exactly their number (most calls have 1 to 3). */
function argumentValues(args: CompiledExpression[], ctx: EvalContext): Value[] {
  switch (args.length) {
    case 0:
      return [];
    case 1:
      return [args[0](ctx)];
    case 2: {
      const a = args[0](ctx);
      return [a, args[1](ctx)];
    }
    case 3: {
      const a = args[0](ctx);
      const b = args[1](ctx);
      return [a, b, args[2](ctx)];
    }
    default: {
      const values: Value[] = [];
      for (let i = 0; i < args.length; i++) values.push(args[i](ctx));
      return values;
    }
  }
}
