// Generic traversal of the Bicep syntax tree for the binder and compiler: children are the node-valued
// fields of a node, in source order, so new node kinds need no visitor changes.
import type { SyntaxNode } from './nodes.js';

function isNode(value: unknown): value is SyntaxNode {
  return typeof value === 'object' && value !== null && typeof (value as { kind?: unknown }).kind === 'string';
}

/** The direct children of a node, sorted by position (decorators first, as in the source). */
export function childrenOf(node: SyntaxNode): SyntaxNode[] {
  const children: SyntaxNode[] = [];
  for (const value of Object.values(node)) {
    if (isNode(value)) children.push(value);
    else if (Array.isArray(value)) for (const item of value) if (isNode(item)) children.push(item);
  }
  return children.sort((a, b) => a.start - b.start || a.end - b.end);
}

/**
 * Visits `node` and its descendants depth-first in source order. Returning `false` from `visit` skips the
 * children of that node.
 */
export function walk(node: SyntaxNode, visit: (node: SyntaxNode, parent: SyntaxNode | undefined) => boolean | void): void {
  const go = (n: SyntaxNode, parent: SyntaxNode | undefined): void => {
    if (visit(n, parent) === false) return;
    for (const child of childrenOf(n)) go(child, n);
  };
  go(node, undefined);
}

/** The innermost node whose span contains `offset` (for "what is under the cursor" and error locations). */
export function nodeAt(statements: readonly SyntaxNode[], offset: number): SyntaxNode | undefined {
  let found: SyntaxNode | undefined;
  let level: readonly SyntaxNode[] = statements;
  for (;;) {
    const hit = level.find((n) => n.start <= offset && offset < n.end);
    if (!hit) return found;
    found = hit;
    level = childrenOf(hit);
  }
}
