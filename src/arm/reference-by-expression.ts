// `reference(resourceId('Microsoft.Resources/deployments', format('net-{0}', parameters('suffix'))))`
// when the name is unknown before deployment (a utcNow() suffix is common): the id cannot be
// computed, but the resource it reads is the one of this template whose name is the very same
// expression, as classic compiled Bicep writes it for every module output.
import type { ExpressionNode } from './expression/ast.js';
import { parseBracketed } from './expression/parse-expression.js';
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

/**
 * The type and name segments of a resource id call for a child type
 * (`resourceId('Microsoft.Storage/storageAccounts/blobServices', format('st{0}', …), 'default')`).
 */
export function childIdCallParts(node: ExpressionNode): { type: string; names: ExpressionNode[] } | undefined {
  if (node.kind !== 'call' || !ID_FUNCTIONS.test(node.name)) return undefined;
  const ti = node.args.findIndex((a) => a.kind === 'string' && /^[^/]+\.[^/]+(\/[^/]+){2,}$/.test(a.value.replace(/\/+$/, '')));
  const type = node.args[ti];
  if (ti < 0 || type.kind !== 'string') return undefined;
  const segments = type.value.replace(/\/+$/, '').split('/').length - 1;
  const names = node.args.slice(ti + 1);
  return names.length === segments ? { type: type.value.replace(/\/+$/, ''), names } : undefined;
}

/**
 * Whether a child resource's `name` member is those segments: `format('{0}/{1}', a, b)` for
 * expressions a and b (offsets aside), or the literal `x/y` when every segment is a literal.
 */
export function sameChildNameExpression(nameMember: JsonNode | undefined, names: ExpressionNode[]): boolean {
  const raw = nameMember?.value;
  if (typeof raw !== 'string') return false;
  if (names.every((n) => n.kind === 'string')) return raw === names.map((n) => (n.kind === 'string' ? n.value : '')).join('/');
  if (!raw.startsWith('[') || raw.startsWith('[[') || !raw.endsWith(']')) return false;
  const parsed = parseBracketed(raw);
  if (!parsed.ok) return false;
  const node = parsed.node;
  const pattern = names.map((_, i) => `{${i}}`).join('/');
  if (node.kind !== 'call' || node.name.toLowerCase() !== 'format' || node.args.length !== names.length + 1) return false;
  const first = node.args[0];
  if (first.kind !== 'string' || first.value !== pattern) return false;
  for (let i = 0; i < names.length; i++) if (!sameShape(node.args[i + 1], names[i])) return false;
  return true;
}

/** Whether a resource's `name` member is the expression `name` (offsets aside). */
export function sameNameExpression(nameMember: JsonNode | undefined, name: ExpressionNode): boolean {
  const raw = nameMember?.value;
  if (typeof raw !== 'string') return false;
  // A literal name read at a scope that is itself unknown (another resource group).
  if (name.kind === 'string') return raw === name.value;
  if (!raw.startsWith('[') || raw.startsWith('[[') || !raw.endsWith(']')) return false;
  const parsed = parseBracketed(raw);
  return parsed.ok && sameShape(parsed.node, name);
}

/**
 * Whether two expressions are the same but for offsets and the case of names. Compared in place:
 * every reference() to an unknown deployment name asks this of each deployment of the template.
 */
function sameShape(a: ExpressionNode | undefined, b: ExpressionNode | undefined): boolean {
  if (a === b) return true;
  if (!a || !b || a.kind !== b.kind) return false;
  switch (a.kind) {
    case 'string':
    case 'number':
      return a.value === (b as typeof a).value;
    case 'call': {
      const o = b as typeof a;
      if (a.args.length !== o.args.length || !sameName(a.name, o.name)) return false;
      for (let i = 0; i < a.args.length; i++) if (!sameShape(a.args[i], o.args[i])) return false;
      return true;
    }
    case 'property': {
      const o = b as typeof a;
      return a.safe === o.safe && sameName(a.name, o.name) && sameShape(a.object, o.object);
    }
    case 'index': {
      const o = b as typeof a;
      return a.safe === o.safe && sameShape(a.object, o.object) && sameShape(a.index, o.index);
    }
  }
}

function sameName(a: string, b: string): boolean {
  return a === b || a.toLowerCase() === b.toLowerCase();
}

/**
 * The type and name of a relative resource scope built with format(), as the Bicep compiler writes
 * an extension resource's `scope: vault` in classic templates:
 * `format('Microsoft.KeyVault/vaults/{0}', parameters('vaultName'))`.
 */
export function relativeScopeParts(node: ExpressionNode): { type: string; names: ExpressionNode[] } | undefined {
  if (node.kind !== 'call' || node.name.toLowerCase() !== 'format' || node.args.length < 2) return undefined;
  const pattern = node.args[0];
  if (pattern.kind !== 'string') return undefined;
  // `Ns/type/{0}` or, for a child, `Ns/type/{0}/child/{1}`.
  const segments = pattern.value.split('/');
  const types = [segments[0]];
  for (let i = 1; i < segments.length; i += 2) {
    if (segments[i + 1] !== `{${(i - 1) / 2}}`) return undefined;
    types.push(segments[i]);
  }
  if (!/^[^/]+\.[^/]+$/.test(segments[0]) || types.length < 2 || node.args.length !== types.length) return undefined;
  return { type: types.join('/'), names: node.args.slice(1) };
}
