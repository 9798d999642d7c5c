// `reference(resourceId('Microsoft.Resources/deployments', format('net-{0}', parameters('suffix'))))`
// when the name is unknown before deployment (a utcNow() suffix is common): the id cannot be
// computed, but the resource it reads is the one of this template whose name is the very same
// expression, as classic compiled Bicep writes it for every module output.
import type { ExpressionNode } from './expression/ast.js';
import { parseExpression } from './expression/parse-expression.js';
import type { JsonNode } from './json-document.js';

const ID_FUNCTIONS = /^(resourceid|subscriptionresourceid|tenantresourceid|managementgroupresourceid|extensionresourceid)$/i;

/** The type and single name argument of a resource id call, when it has exactly one name segment. */
export function idCallParts(node: ExpressionNode): { type: string; name: ExpressionNode } | undefined {
  if (node.kind !== 'call' || !ID_FUNCTIONS.test(node.name)) return undefined;
  const ti = node.args.findIndex((a) => a.kind === 'string' && /^[^/]+\.[^/]+\/[^/]+$/.test(a.value.replace(/\/+$/, '')));
  if (ti < 0 || node.args.length !== ti + 2) return undefined;
  const type = node.args[ti];
  return type.kind === 'string' ? { type: type.value.replace(/\/+$/, ''), name: node.args[ti + 1] } : undefined;
}

/** Whether a resource's `name` member is the expression `name` (offsets aside). */
export function sameNameExpression(nameMember: JsonNode | undefined, name: ExpressionNode): boolean {
  const raw = nameMember?.value;
  if (typeof raw !== 'string') return false;
  // A literal name read at a scope that is itself unknown (another resource group).
  if (name.kind === 'string') return raw === name.value;
  if (!raw.startsWith('[') || raw.startsWith('[[') || !raw.endsWith(']')) return false;
  const parsed = parseExpression(raw.slice(1, -1));
  return parsed.ok && shape(parsed.node) === shape(name);
}

function shape(node: ExpressionNode): string {
  return JSON.stringify(node, (k, v: unknown) => (k === 'offset' ? undefined : k === 'name' && typeof v === 'string' ? v.toLowerCase() : v));
}
