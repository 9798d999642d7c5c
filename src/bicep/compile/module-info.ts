// Module declarations: their deployment name (the `name:` or Bicep's default) and loop.
import type { BicepSymbol } from '../bind/symbols.js';
import type { ForNode, ObjectNode } from '../syntax/nodes.js';
import { call, quote } from './arm-text.js';
import { type Scope, withLocals } from './compile-scope.js';
import { member } from './resource-info.js';

export type ModuleSymbol = BicepSymbol & { kind: 'module' };

export function moduleParts(sym: ModuleSymbol): { body?: ObjectNode; loop?: ForNode; condition?: import('../syntax/nodes.js').Expression } {
  let value = sym.decl.value;
  let loop: ForNode | undefined;
  let condition;
  if (value.kind === 'for') {
    loop = value;
    const b = value.body;
    if (b.kind === 'if') {
      condition = b.condition;
      value = b.body as ObjectNode;
    } else value = b as ObjectNode;
  }
  if (value.kind === 'if') {
    condition = value.condition;
    value = value.body as ObjectNode;
  }
  return { ...(value.kind === 'object' ? { body: value } : {}), ...(loop ? { loop } : {}), ...(condition ? { condition } : {}) };
}

/** Loop item/index of a looped module bound to element `indexArm` (or the current copy). */
export function moduleLoopScope(sym: ModuleSymbol, scope: Scope, indexArm?: string): Scope {
  const { loop } = moduleParts(sym);
  if (!loop) return scope;
  const index = indexArm ?? call('copyIndex', quote(sym.name));
  const iterable = scope.unit.compileArm(loop.iterable, scope);
  const entries: [string, { kind: 'arm'; text: string }][] = [];
  if (loop.item) entries.push([loop.item.name, { kind: 'arm', text: `${iterable}[${index}]` }]);
  if (loop.index) entries.push([loop.index.name, { kind: 'arm', text: index }]);
  return withLocals(scope, entries);
}

/** The deployment name: `name:` when given, else Bicep's `<sym>-<uniqueString(sym, deployment().name)>`. */
export function moduleDeploymentNameArm(sym: ModuleSymbol, scope: Scope, indexArm?: string): string {
  const { body } = moduleParts(sym);
  const name = member(body, 'name');
  if (name) return scope.unit.compileArm(name, moduleLoopScope(sym, scope, indexArm));
  return call('format', quote(`${sym.name}-{0}`), call('uniqueString', quote(sym.name), 'deployment().name'));
}
