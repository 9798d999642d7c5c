// References to resources and modules inside expressions: `stg.id`, `stg.name`,
// `stg.properties.x` (reference()), `stg.location` (full reference), `stgs[i].id`,
// `vnet::subnet.id`, `stg.listKeys()`, and module outputs `mod.outputs.x`.
import type { Expression, IndexAccessNode, PropertyAccessNode, CallNode } from '../syntax/nodes.js';
import { NULL, call, callOf, quote } from './arm-text.js';
import type { ResourceSymbol } from '../bind/symbols.js';
import type { Scope } from './compile-scope.js';
import { fullNameArm, ownNameArm, resourceIdArm, type ResourceInfo } from './resource-info.js';
import type { ModuleSymbol } from './module-info.js';
import { noteModuleOutputRead } from './check-module-contracts.js';
import { moduleDeploymentNameArm, moduleParts } from './module-info.js';

export type Ref =
  | { kind: 'resource'; info: ResourceInfo; index?: Expression }
  | { kind: 'module'; sym: ModuleSymbol; index?: Expression };

/** Does this expression name a resource or module (possibly one element of a loop)? */
export function resolveResourceRef(e: Expression, scope: Scope): Ref | undefined {
  let index: Expression | undefined;
  let target = unwrap(e);
  if (target.kind === 'index-access' && !target.safe && !target.fromEnd) {
    index = target.index;
    target = unwrap(target.base);
  }
  if (target.kind === 'identifier') {
    const local = scope.locals.size === 0 ? undefined : scope.locals.get(target.name);
    if (local?.kind === 'element' && !index) {
      // One copy of a collection, in a lambda over it (collection-lambdas.ts).
      index = local.index;
    } else if (local) return undefined;
    const sym = lookupValue(local?.kind === 'element' ? local.collection : target.name, scope);
    if (sym?.kind === 'resource') {
      if (!index) return refOfSymbol(sym, scope);
      const info = scope.unit.resourceInfo(sym);
      return info.loop ? { kind: 'resource', info, index } : undefined;
    }
    if (sym?.kind === 'module') {
      if (!index) return refOfSymbol(sym, scope);
      return sym.decl.value.kind === 'for' ? { kind: 'module', sym, index } : undefined;
    }
    return undefined;
  }
  if (target.kind === 'resource-access') {
    const base = resolveResourceRef(unwrap(target.base), scope);
    if (base?.kind !== 'resource' || base.index) return undefined;
    const child = base.info.sym.children.get(target.name.name);
    if (!child) return undefined;
    const info = scope.unit.resourceInfo(child);
    // `profile::customDomains[i]`: one element of a looped nested resource.
    if (index) return info.loop ? { kind: 'resource', info, index } : undefined;
    return (info.ref ??= { kind: 'resource', info });
  }
  return undefined;
}

/** The reference to a whole resource or module (no element of a loop). */
export function refOfSymbol(sym: ResourceSymbol | ModuleSymbol, scope: Scope): Ref {
  if (sym.kind === 'module') return { kind: 'module', sym };
  const info = scope.unit.resourceInfo(sym);
  return (info.ref ??= { kind: 'resource', info });
}

function indexArm(ref: Ref, scope: Scope): string | undefined {
  return ref.index ? scope.unit.compileArm(ref.index, scope) : undefined;
}

/** `x!` and `(x)` refer to what `x` refers to. */
function unwrap(e: Expression): Expression {
  let x = e;
  while (x.kind === 'non-null-assertion' || x.kind === 'parenthesized') x = x.expression;
  return x;
}

/**
 * A name in value position: a top-level symbol, else a nested resource (visible by its own name
 * inside its parent's body; the first one declared wins when two parents reuse a name).
 */
export function lookupValue(name: string, scope: Scope) {
  return scope.unit.lookupValue(name);
}

export function refIdArm(ref: Ref, scope: Scope): string {
  if (ref.kind === 'resource') return resourceIdArm(ref.info, scope, indexArm(ref, scope));
  return call('resourceId', quote('Microsoft.Resources/deployments'), moduleDeploymentNameArm(ref.sym, scope, indexArm(ref, scope)));
}

/** `stg.id`, `stg.name`, `stg.properties`, `stg.location`…; undefined when the base is no resource. */
export function resourceMemberAccess(e: PropertyAccessNode, scope: Scope): string | undefined {
  const ref = resolveResourceRef(e.base, scope);
  return ref ? refMember(ref, e.property.name, scope) : undefined;
}

/** `<ref>.<prop>` for a resolved reference (a bare `stg` is `stg.id`, a bare `mod` is `mod.name`). */
export function refMember(ref: Ref, prop: string, scope: Scope): string {
  const idx = indexArm(ref, scope);
  if (ref.kind === 'module') {
    if (prop === 'name') return moduleDeploymentNameArm(ref.sym, scope, idx);
    if (prop === 'outputs') return `${moduleReference(ref, scope)}.outputs`;
    return `${call('reference', refIdArm(ref, scope), quote('2025-04-01'), quote('full'))}.${prop}`;
  }
  const info = ref.info;
  // A resource of a non-Azure extension has no ARM resource id: it is read by symbolic name (its
  // `id`, a Graph object id, is set by the extension at deployment).
  if ((info.extension || !info.type.includes('/')) && !idx && prop !== 'name' && prop !== 'type' && prop !== 'apiVersion') {
    return prop === 'properties' ? call('reference', quote(info.symbolic)) : `${call('reference', quote(info.symbolic))}.${prop}`;
  }
  switch (prop) {
    case 'id':
      return resourceIdArm(info, scope, idx);
    case 'name':
      return info.parent ? ownNameArm(info, scope, idx) : ownNameArm(info, scope, idx);
    case 'type':
      return quote(info.type);
    case 'apiVersion':
      return quote(info.apiVersion);
    case 'properties':
      return call('reference', referenceTarget(info, scope, idx), quote(info.apiVersion));
    default:
      return `${call('reference', referenceTarget(info, scope, idx), quote(info.apiVersion), quote('full'))}.${prop}`;
  }
}

/**
 * What reference() names to read a resource of this template: its symbolic name (one copy of a
 * loop by `symbol[i]`), as Bicep emits with languageVersion 2.0, so the reference holds even when
 * the resource's name is only known at deployment; its id for the current copy of a loop.
 */
function referenceTarget(info: ResourceInfo, scope: Scope, idx: string | undefined): string {
  if (!info.loop) return quote(info.symbolic);
  if (idx !== undefined) return call('format', quote(`${info.symbolic}[{0}]`), idx);
  return resourceIdArm(info, scope, idx);
}

/**
 * A resource used whole as a value (`output workspace object = workspace`, `[sa]`,
 * `configStores[1]`): its full reference, as Bicep compiles it. Undefined for modules and for
 * resources of non-Azure extensions, which keep their name or id.
 */
export function wholeResource(e: Expression, scope: Scope): string | undefined {
  const ref = resolveResourceRef(e, scope);
  if (ref?.kind !== 'resource') return undefined;
  const info = ref.info;
  if (info.extension || !info.type.includes('/')) return undefined;
  return call('reference', referenceTarget(info, scope, indexArm(ref, scope)), quote(info.apiVersion), quote('full'));
}

function moduleReference(ref: Extract<Ref, { kind: 'module' }>, scope: Scope, safe = false): string {
  const reference = ref.index ? call('reference', refIdArm(ref, scope)) : call('reference', quote(ref.sym.name));
  // A safe access to a conditional module is null when it is not deployed, as Bicep compiles it.
  const { condition, loop } = moduleParts(ref.sym);
  if (safe && condition && !loop) return call('if', scope.unit.compileArm(condition, scope), reference, NULL);
  return reference;
}

/** `mod.outputs.x` / `mod.outputs['x']` → reference(mod).outputs.x.value. */
export function moduleOutputAccess(e: PropertyAccessNode | IndexAccessNode, scope: Scope): string | undefined {
  const outputs = e.base;
  if (outputs.kind !== 'property-access' || outputs.property.name !== 'outputs') return undefined;
  const ref = resolveResourceRef(outputs.base, scope);
  if (ref?.kind !== 'module') return undefined;
  if (outputs.safe) {
    const outs = call('tryGet', moduleReference(ref, scope, true), quote('outputs'));
    const key = e.kind === 'property-access' ? quote(e.property.name) : scope.unit.compileArm(e.index, scope);
    return call('tryGet', call('tryGet', outs, key), quote('value'));
  }
  const base = `${moduleReference(ref, scope)}.outputs`;
  if (e.kind === 'property-access' && !e.safe) noteModuleOutputRead(scope.unit, ref.sym.decl, e.property.name, e.property);
  else if (e.kind === 'index-access' && !e.safe && e.index.kind === 'string' && e.index.expressions.length === 0) noteModuleOutputRead(scope.unit, ref.sym.decl, e.index.parts[0], e.index);
  if (e.kind === 'property-access') {
    return e.safe ? call('tryGet', call('tryGet', base, quote(e.property.name)), quote('value')) : `${base}.${e.property.name}.value`;
  }
  const key = scope.unit.compileArm(e.index, scope);
  return e.safe ? call('tryGet', call('tryGet', base, key), quote('value')) : `${base}[${key}].value`;
}

/** `stg.listKeys()`, `stg.listKeys(apiVersion)`; undefined when the base is no resource. */
export function resourceMethodCall(e: CallNode, scope: Scope): string | undefined {
  if (!e.base) return undefined;
  const ref = resolveResourceRef(e.base, scope);
  if (ref?.kind !== 'resource') return undefined;
  const name = e.name.name;
  const id = resourceIdArm(ref.info, scope, indexArm(ref, scope));
  const args = e.arguments.map((a) => scope.unit.compileArm(a, scope));
  if (name.toLowerCase().startsWith('list')) return callOf(name, [id, args[0] ?? quote(ref.info.apiVersion), ...args.slice(1)]);
  if (name === 'getSecret') return call('reference', call('format', quote('{0}/secrets/{1}'), id, args[0] ?? NULL));
  if (name === 'exists' || name === 'existingResource') return call('reference', id);
  scope.unit.error('bicep/unknown-method', `'${name}' is not a method of resource '${ref.info.sym.name}'`, e.name);
  return NULL;
}

/**
 * `chosen.properties.x` (or `chosen.listKeys()`), where `var chosen = useExisting ? existingOne : newOne` holds resources:
 * Bicep inlines such a variable, so the access reads the chosen resource
 * (`if(useExisting, <existingOne.properties.x>, <newOne.properties.x>)`). Returns the access
 * rewritten that way, or undefined when its root is no resource-valued variable.
 */
export function inlineResourceVariable(e: Expression, scope: Scope): Expression | undefined {
  let root = e;
  for (;;) {
    if (root.kind === 'property-access' || root.kind === 'index-access') root = root.base;
    else if (root.kind === 'call' && root.base) root = root.base;
    else if (root.kind === 'non-null-assertion' || root.kind === 'parenthesized') root = root.expression;
    else break;
  }
  if (root.kind !== 'identifier' || root === e || scope.locals.has(root.name)) return undefined;
  const sym = lookupValue(root.name, scope);
  if (sym?.kind !== 'var' || !isResourceValued(sym.decl.value, scope, 0)) return undefined;
  return substituteRoot(e, unwrap(sym.decl.value));
}

/** A resource or module reference, or a choice (`c ? a : b`) between such. */
function isResourceValued(e: Expression, scope: Scope, depth: number): boolean {
  const x = unwrap(e);
  if (x.kind === 'ternary') return depth < 10 && isResourceValued(x.whenTrue, scope, depth + 1) && isResourceValued(x.whenFalse, scope, depth + 1);
  return resolveResourceRef(x, scope) !== undefined;
}

/** `e` with its root identifier replaced by `value`; a choice is pushed out to the top. */
function substituteRoot(e: Expression, value: Expression): Expression {
  if (value.kind === 'ternary') {
    return { ...value, whenTrue: substituteRoot(e, unwrap(value.whenTrue)), whenFalse: substituteRoot(e, unwrap(value.whenFalse)) };
  }
  const replace = (x: Expression): Expression => {
    switch (x.kind) {
      case 'property-access':
      case 'index-access':
        return { ...x, base: replace(x.base) };
      case 'call':
        return x.base ? { ...x, base: replace(x.base) } : value;
      case 'non-null-assertion':
      case 'parenthesized':
        return { ...x, expression: replace(x.expression) };
      default:
        return value;
    }
  };
  return replace(e);
}

export { fullNameArm };
