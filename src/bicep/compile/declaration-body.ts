// The parts of a resource or module value: `{…}`, `if (c) {…}`, `[for x in xs: {…}]` or
// `[for x in xs: if (c) {…}]` all come down to a body, an optional loop and an optional condition.
import type { DeclarationBody, Expression, ForNode, ObjectNode } from '../syntax/nodes.js';

export interface DeclarationParts {
  body?: ObjectNode;
  loop?: ForNode;
  condition?: Expression;
}

export function declarationParts(value: DeclarationBody): DeclarationParts {
  let v: DeclarationBody | Expression = value;
  let loop: ForNode | undefined;
  let condition: Expression | undefined;
  if (v.kind === 'for') {
    loop = v;
    v = v.body.kind === 'if' ? ((condition = v.body.condition), v.body.body) : v.body;
  }
  if (v.kind === 'if') {
    condition = v.condition;
    v = v.body;
  }
  // Built directly (no spreads): this runs for every reference to a module.
  const parts: DeclarationParts = {};
  if (v.kind === 'object') parts.body = v;
  if (loop) parts.loop = loop;
  if (condition) parts.condition = condition;
  return parts;
}
