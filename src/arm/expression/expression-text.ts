// Expressions written back as text in one spelling, whatever spacing the template used, so that
// an unknown name spelled from a resource's own `name` and the same name spelled from a
// resourceId() argument elsewhere compare equal.
import type { ExpressionNode } from './ast.js';
import type { EvalContext } from './eval-context.js';
import { parseExpression } from './parse-expression.js';

/** An expression written back as text, as compiled Bicep writes it (`format('{0}', parameters('a'))`). */
export function expressionText(node: ExpressionNode): string {
  switch (node.kind) {
    case 'string':
      return `'${node.value.replace(/'/g, "''")}'`;
    case 'number':
      return String(node.value);
    case 'call':
      return `${node.name}(${node.args.map(expressionText).join(', ')})`;
    case 'property':
      return `${expressionText(node.object)}${node.safe ? '.?' : '.'}${node.name}`;
    case 'index':
      return `${expressionText(node.object)}${node.safe ? '[?' : '['}${expressionText(node.index)}]`;
  }
}

const canonical = new Map<string, string>();

/**
 * The text of an expression (without its brackets) in expressionText's spelling:
 * `concat(parameters( 'a' ),'x')` becomes `concat(parameters('a'), 'x')`. Text that does not parse
 * is returned as it is.
 */
export function canonicalExpressionText(text: string): string {
  let out = canonical.get(text);
  if (out === undefined) {
    const parsed = parseExpression(text);
    out = parsed.ok ? expressionText(parsed.node) : text;
    if (canonical.size > 10_000) canonical.clear();
    canonical.set(text, out);
  }
  return out;
}

/**
 * `variables('x')` as the expression the variable stands for (up to five deep), in the canonical
 * spelling: a resource named `peName` and a resourceId() or child naming it through
 * `variables('peName')` then spell their unknown names alike.
 */
export function dereferencedExpressionText(text: string, ctx: Pick<EvalContext, 'variableExpression'>): string {
  let out = canonicalExpressionText(text);
  for (let depth = 0; depth < 5; depth++) {
    const m = /^variables\('([^']+)'\)$/.exec(out);
    const expression = m ? ctx.variableExpression?.(m[1]) : undefined;
    if (!expression) break;
    out = canonicalExpressionText(expression.slice(1, -1));
  }
  return out;
}
