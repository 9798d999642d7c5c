// A resource or module declaration may not read itself (Bicep BCP079): `properties: { x:
// r.properties.y }` inside `r` has no value to read at deployment. A nested child may read its
// parent; loop items and lambda parameters that reuse the name shadow it.
import type { ModuleDeclNode, ResourceDeclNode, Statement, SyntaxNode } from '../syntax/nodes.js';
import { childrenOf } from '../syntax/visit.js';
import type { Scope } from './compile-scope.js';

export function checkSelfReferences(statements: Statement[], scope: Scope): void {
  for (const s of statements) if (s.kind === 'resource-decl' || s.kind === 'module-decl') checkDeclaration(s, scope);
}

function checkDeclaration(decl: ResourceDeclNode | ModuleDeclNode, scope: Scope): void {
  const name = decl.name.name;
  if (scope.locals.has(name)) return;
  let reported = false;
  const visit = (n: SyntaxNode): void => {
    switch (n.kind) {
      case 'resource-decl':
        // A nested child: its own body is checked for itself; reading the parent is allowed.
        checkDeclaration(n, scope);
        return;
      case 'object-property':
        if (n.key.kind !== 'identifier') visit(n.key);
        visit(n.value);
        return;
      case 'property-access':
        visit(n.base);
        return;
      case 'call':
        if (n.base) visit(n.base);
        for (const a of n.arguments) visit(a);
        return;
      case 'for':
        if (n.item?.name === name || n.index?.name === name) return;
        break;
      case 'lambda':
        if (n.parameters.some((p) => p.name.name === name)) return;
        break;
      case 'identifier':
        if (n.name === name && !reported) {
          reported = true;
          scope.unit.error('bicep/self-reference', `'${name}' reads itself in its own declaration; a resource or module cannot use its own values (move the value to a variable or another resource)`, n);
        }
        return;
    }
    for (const child of childrenOf(n)) visit(child);
  };
  visit(decl.value);
}
