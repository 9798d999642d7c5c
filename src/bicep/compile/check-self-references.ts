// A resource or module declaration may not read itself (Bicep BCP079): `properties: { x:
// r.properties.y }` inside `r` has no value to read at deployment. A nested child may read its
// parent; loop items and lambda parameters that reuse the name shadow it.
import type { ModuleDeclNode, ResourceDeclNode, Statement, SyntaxNode } from '../syntax/nodes.js';
import type { Scope } from './compile-scope.js';

export function checkSelfReferences(statements: Statement[], scope: Scope): void {
  const words = new NestedWords(scope.unit.tree.text);
  for (const s of statements) if (s.kind === 'resource-decl' || s.kind === 'module-decl') checkDeclaration(s, scope, words);
}

function checkDeclaration(decl: ResourceDeclNode | ModuleDeclNode, scope: Scope, words: NestedWords): void {
  const name = decl.name.name;
  if (scope.locals.has(name)) return;
  // Walking a body costs a visit per node; searching its text costs far less. A body whose text
  // holds neither the name (a reference to itself) nor the word `resource` (a nested declaration
  // to check) has nothing to report.
  const { start, end } = decl.value;
  if (name !== '' && !mentions(words.text, name, start, end) && words.next(start) >= end) return;
  const state = { name, reported: false, scope, words };
  visit(decl.value, state);
}

interface WalkState {
  name: string;
  reported: boolean;
  scope: Scope;
  words: NestedWords;
}

/** Could an identifier token `name` be in `text[start, end)`? */
function mentions(text: string, name: string, start: number, end: number): boolean {
  // A slice shares the file's characters (no copy) and bounds the search to the body.
  const body = text.slice(start, end);
  for (let i = body.indexOf(name); i >= 0; i = body.indexOf(name, i + 1)) {
    if (isIdentifierBoundary(text.charCodeAt(start + i - 1), text.charCodeAt(start + i + name.length))) return true;
  }
  return false;
}

/**
 * An occurrence with a letter or `_` right before it, or a letter, digit or `_` right after it,
 * is part of a longer name. (A digit before it may end a number token: it counts.)
 */
function isIdentifierBoundary(before: number, after: number): boolean {
  return !isLetter(before) && !isLetter(after) && !(after >= 48 && after <= 57);
}

function isLetter(c: number): boolean {
  return (c >= 65 && c <= 90) || (c >= 97 && c <= 122) || c === 95;
}

/**
 * Where the word `resource` next occurs in the file: declarations are checked in source order, so
 * the text is searched about once for all of them.
 */
class NestedWords {
  private from = -1;
  private at = -1;

  constructor(readonly text: string) {}

  /** The offset of the first word `resource` at or after `from` (the text's length if none). */
  next(from: number): number {
    if (this.from < 0 || from < this.from || from > this.at) {
      this.from = from;
      this.at = this.search(from);
    }
    return this.at;
  }

  private search(from: number): number {
    const text = this.text;
    for (let i = text.indexOf('resource', from); i >= 0; i = text.indexOf('resource', i + 1)) {
      if (isIdentifierBoundary(text.charCodeAt(i - 1), text.charCodeAt(i + 8))) return i;
    }
    return text.length;
  }
}

/** Visits the nodes under a declaration's value in source order, without building child lists. */
function visit(n: SyntaxNode, state: WalkState): void {
  switch (n.kind) {
    case 'resource-decl':
      // A nested child: its own body is checked for itself; reading the parent is allowed.
      checkDeclaration(n, state.scope, state.words);
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
      visitAll(n.arguments, state);
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
      // `vault::fabric::container`: what follows `::` names a nested resource, not a symbol (a
      // declaration may share its name: `resource container … = { parent: vault::fabric::container }`).
      visit(n.base, state);
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
