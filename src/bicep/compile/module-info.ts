// Module declarations: their deployment name (the `name:` or Bicep's default) and loop.
import type { BicepSymbol } from '../bind/symbols.js';
import { NULL, call, quote } from './arm-text.js';
import type { Expression, ForNode } from '../syntax/nodes.js';
import { type Scope, declarationText, memoInRoot, withLocals } from './compile-scope.js';
import { declarationParts, type DeclarationParts } from './declaration-body.js';
import { member } from './resource-info.js';

export type ModuleSymbol = BicepSymbol & { kind: 'module' };

export function moduleParts(sym: ModuleSymbol): DeclarationParts {
  return declarationParts(sym.decl.value);
}

/** Loop item/index of a looped module bound to element `indexArm` (or the current copy). */
export function moduleLoopScope(sym: ModuleSymbol, scope: Scope, indexArm?: string): Scope {
  const { loop } = moduleParts(sym);
  if (!loop) return scope;
  // Keyed by the declaration: callers make their own symbol objects for one module.
  if (indexArm === undefined && scope.locals.size === 0) return memoInRoot(scope, scope.unit.loopScopes, sym.decl, () => makeLoopScope(sym, loop, scope));
  return makeLoopScope(sym, loop, scope, indexArm);
}

/** Loops whose source is being compiled (a source that reads its own module would recurse). */
const compilingLoops: object[] = [];

function makeLoopScope(sym: ModuleSymbol, loop: ForNode, scope: Scope, indexArm?: string): Scope {
  const index = indexArm ?? call('copyIndex', quote(sym.name));
  // Compiled once per declaration in the top-level scope (the copy loop asks for it too).
  const iterable = scope.locals.size === 0 ? declarationText(scope.unit, loop, () => loopSourceArm(sym, loop, scope)) : loopSourceArm(sym, loop, scope);
  const entries: [string, { kind: 'arm'; text: string }][] = [];
  if (loop.item) entries.push([loop.item.name, { kind: 'arm', text: `${iterable}[${index}]` }]);
  if (loop.index) entries.push([loop.index.name, { kind: 'arm', text: index }]);
  return withLocals(scope, entries);
}

/** The loop source of a module, guarded against a source that reads the module itself. */
function loopSourceArm(sym: ModuleSymbol, loop: ForNode, scope: Scope): string {
  let iterable: string;
  // The cycle guard, written out (no closures per call), as for the name below.
  if (compilingLoops.includes(loop)) {
    scope.unit.error('bicep/cycle', `the loop of module '${sym.name}' reads the module itself`, loop.iterable);
    iterable = NULL;
  } else {
    compilingLoops.push(loop);
    try {
      iterable = scope.unit.compileArm(loop.iterable, scope);
    } finally {
      compilingLoops.pop();
    }
  }
  return iterable;
}

/** The deployment name: `name:` when given, else Bicep's `<sym>-<uniqueString(sym, deployment().name)>`. */
export function moduleDeploymentNameArm(sym: ModuleSymbol, scope: Scope, indexArm?: string): string {
  const name = member(moduleParts(sym).body, 'name');
  if (!name) return call('format', quote(`${sym.name}-{0}`), call('uniqueString', quote(sym.name), 'deployment().name'));
  // The declaration's own `name:` and every reference to the module ask for it.
  if (indexArm === undefined && scope.locals.size === 0) return declarationText(scope.unit, name, () => compileModuleName(sym, name, scope));
  return compileModuleName(sym, name, scope, indexArm);
}

function compileModuleName(sym: ModuleSymbol, name: Expression, scope: Scope, indexArm?: string): string {
  if (compilingNames.includes(sym.decl)) {
    scope.unit.error('bicep/cycle', `the name of module '${sym.name}' depends on itself`, name);
    return NULL;
  }
  compilingNames.push(sym.decl);
  try {
    return scope.unit.compileArm(name, moduleLoopScope(sym, scope, indexArm));
  } finally {
    compilingNames.pop();
  }
}

/** Module names being compiled, innermost last. */
const compilingNames: object[] = [];
