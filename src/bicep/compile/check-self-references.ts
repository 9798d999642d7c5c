// A resource or module declaration may not read itself (Bicep BCP079): `properties: { x:
// r.properties.y }` inside `r` has no value to read at deployment. A nested child may read its
// parent; loop items and lambda parameters that reuse the name shadow it.
import type { ModuleDeclNode, ResourceDeclNode, Statement, SyntaxNode } from '../syntax/nodes.js';
import type { Scope } from './compile-scope.js';

export function checkSelfReferences(statements: Statement[], scope: Scope): void {
  for (const s of statements) if (s.kind === 'resource-decl' || s.kind === 'module-decl') checkDeclaration(s, scope);
}

function checkDeclaration(decl: ResourceDeclNode | ModuleDeclNode, scope: Scope): void {
  const name = decl.name.name;
  if (scope.locals.has(name)) return;
  const state = { name, reported: false, scope };
  visit(decl.value, state);
}

interface WalkState {
  name: string;
  reported: boolean;
  scope: Scope;
}

/** Visits the nodes under a declaration's value in source order, without building child lists. */
function visit(n: SyntaxNode, state: WalkState): void {
  switch (n.kind) {
    case 'resource-decl':
      // A nested child: its own body is checked for itself; reading the parent is allowed.
      checkDeclaration(n, state.scope);
      return;
    case 'object-property':
      if (n.key.kind !== 'identifier') visit(n.key, state);
      visit(n.value, state);
      return;
    case 'property-access':
      visit(n.base, state);
      return;
    case 'call':
      if (n.base) visit(n.base, state);
      for (const a of n.arguments) visit(a, state);
      return;
    case 'identifier':
      if (n.name === state.name && !state.reported) {
        state.reported = true;
        state.scope.unit.error('bicep/self-reference', `'${state.name}' reads itself in its own declaration; a resource or module cannot use its own values (move the value to a variable or another resource)`, n);
      }
      return;
    case 'string':
    case 'multiline-string':
      visitAll(n.expressions, state);
      return;
    case 'object':
    case 'array':
      visitAll(n.items, state);
      return;
    case 'spread':
    case 'non-null-assertion':
    case 'parenthesized':
      visit(n.expression, state);
      return;
    case 'index-access':
      visitInOrder(n.base, n.index, state);
      return;
    case 'resource-access':
      visitInOrder(n.base, n.name, state);
      return;
    case 'unary':
      visit(n.operand, state);
      return;
    case 'binary':
      visitInOrder(n.left, n.right, state);
      return;
    case 'ternary':
      if (n.condition.start < n.whenTrue.start && n.whenTrue.start < n.whenFalse.start) {
        visit(n.condition, state);
        visit(n.whenTrue, state);
        visit(n.whenFalse, state);
      } else visitSorted([n.condition, n.whenTrue, n.whenFalse], state);
      return;
    case 'if':
      visitInOrder(n.condition, n.body, state);
      return;
    case 'for': {
      if (n.item?.name === state.name || n.index?.name === state.name) return;
      // The item and index are declarations that do not carry the name (checked above).
      visitInOrder(n.iterable, n.body, state);
      return;
    }
    case 'lambda':
      if (n.parameters.some((p) => p.name.name === state.name)) return;
      for (const p of n.parameters) if (p.type) visitGeneric(p.type, state);
      visit(n.body, state);
      return;
    case 'number':
    case 'boolean':
    case 'null':
    case 'error':
    case 'skipped':
      return;
    default:
      visitGeneric(n, state);
  }
}

function visitAll(nodes: readonly SyntaxNode[], state: WalkState): void {
  for (let i = 0; i < nodes.length; i++) visit(nodes[i], state);
}

/** Two children in source order (parse recovery can leave them either way round). */
function visitInOrder(a: SyntaxNode, b: SyntaxNode, state: WalkState): void {
  if (b.start < a.start || (b.start === a.start && b.end < a.end)) {
    visit(b, state);
    visit(a, state);
  } else {
    visit(a, state);
    visit(b, state);
  }
}

function visitSorted(nodes: SyntaxNode[], state: WalkState): void {
  visitAll(
    nodes.sort((a, b) => a.start - b.start || a.end - b.end),
    state,
  );
}

/** Any other node (types under a lambda parameter): its node-valued fields, in source order. */
function visitGeneric(n: SyntaxNode, state: WalkState): void {
  const children: SyntaxNode[] = [];
  for (const value of Object.values(n)) {
    if (isNode(value)) children.push(value);
    else if (Array.isArray(value)) for (const item of value) if (isNode(item)) children.push(item);
  }
  visitSorted(children, state);
}

function isNode(value: unknown): value is SyntaxNode {
  return typeof value === 'object' && value !== null && typeof (value as { kind?: unknown }).kind === 'string';
}
