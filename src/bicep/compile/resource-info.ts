// What the compiler knows about a resource declaration: its full type and api version, loop,
// condition, parent and scope; and the ARM texts of its name and id, for any loop index.
import type { ResourceSymbol } from '../bind/symbols.js';
import type { Expression, ForNode, ObjectNode } from '../syntax/nodes.js';
import { propertyKeyName, stringValue } from '../syntax/nodes.js';
import { NULL, call, callOf, quote } from './arm-text.js';
import { type CompileUnit, type Scope, declarationText, memoInRoot, withLocals } from './compile-scope.js';
import { declarationParts } from './declaration-body.js';

export interface ResourceInfo {
  sym: ResourceSymbol;
  /** The key in the compiled `resources` object: `name`, or `parent::child` for nested declarations. */
  symbolic: string;
  type: string;
  apiVersion: string;
  existing: boolean;
  /** A resource of a non-Azure extension (Kubernetes, Microsoft Graph): body members go under `properties`. */
  extension?: boolean;
  body?: ObjectNode;
  condition?: Expression;
  loop?: ForNode;
  /** The parent through `parent:` or nesting, with the Bicep index expression for looped parents. */
  parent?: { info: ResourceInfo; index?: Expression };
  scopeExpr?: Expression;
  /** Memo of the name and id texts in the unit's top-level scope (an info belongs to one unit). */
  nameText?: string;
  idText?: string;
  /** Compiling `nameText` noted a module output read (a read is checked, so noted, at each use). */
  nameReadsOutputs?: boolean;
  /** The reference to the whole resource (not one element of a loop), made once. */
  ref?: { kind: 'resource'; info: ResourceInfo };
}

export function computeResourceInfo(unit: CompileUnit, sym: ResourceSymbol): ResourceInfo {
  const decl = sym.decl;
  const { body, loop, condition } = declarationParts(decl.value);
  // `az:My.Rp/type@v` names the extension explicitly; the type is what follows the alias.
  const typeText = stringValue(decl.typeString) ?? '';
  const raw = typeText.indexOf(':') < 0 ? typeText : typeText.replace(/^[A-Za-z0-9_]+:/, '');
  const at = raw.indexOf('@');
  let type = at < 0 ? raw : raw.slice(0, at);
  let apiVersion = at < 0 ? '' : raw.slice(at + 1);
  // Resources of non-Azure extensions (Kubernetes, Microsoft Graph) keep `type@version` whole.
  let extension = apiVersion !== '' && !/^\d{4}-\d{2}-\d{2}/.test(apiVersion);
  if (extension) {
    type = raw;
    apiVersion = '';
  }
  const parentSym = sym.parent;
  let parent: ResourceInfo['parent'];
  if (parentSym) {
    const p = unit.resourceInfo(parentSym);
    parent = { info: p };
    // A child of a non-Azure extension resource is one too: `Ns/parent/child@version`.
    const pv = p.extension ? p.type.indexOf('@') : -1;
    if (pv >= 0 && !type.includes('.')) {
      type = `${p.type.slice(0, pv)}/${type}${p.type.slice(pv)}`;
      extension = true;
    } else if (!type.includes('.')) type = `${p.type}/${type}`;
    if (!apiVersion) apiVersion = p.apiVersion;
  }
  const parentProp = member(body, 'parent');
  if (parentProp) {
    const ref = parentReference(parentProp, unit);
    if (ref) parent = ref;
  }
  return resourceInfoOf(sym, symbolicName(sym), type, apiVersion, extension, body, condition, loop, parent, member(body, 'scope'));
}

/**
 * Every info has every field, absent ones undefined: one object shape for all, so the reads of
 * `info.loop`, `info.parent`… all over the compiler stay monomorphic.
 */
export function resourceInfoOf(
  sym: ResourceSymbol,
  symbolic: string,
  type: string,
  apiVersion: string,
  extension: boolean,
  body: ObjectNode | undefined,
  condition: Expression | undefined,
  loop: ForNode | undefined,
  parent: ResourceInfo['parent'],
  scopeExpr: Expression | undefined,
): ResourceInfo {
  return {
    sym,
    symbolic,
    type,
    apiVersion,
    existing: sym.decl.existing,
    extension: extension || undefined,
    body,
    condition,
    loop,
    parent,
    scopeExpr,
    nameText: undefined,
    idText: undefined,
    nameReadsOutputs: undefined,
    ref: undefined,
  };
}

function symbolicName(sym: ResourceSymbol): string {
  return sym.parent ? `${symbolicName(sym.parent)}::${sym.name}` : sym.name;
}

export function member(body: ObjectNode | undefined, key: string): Expression | undefined {
  for (const item of body?.items ?? []) if (item.kind === 'object-property' && propertyKeyName(item.key) === key) return item.value;
  return undefined;
}

function parentReference(e: Expression, unit: CompileUnit): ResourceInfo['parent'] | undefined {
  let index: Expression | undefined;
  let target = e;
  if (target.kind === 'index-access') {
    index = target.index;
    target = target.base;
  }
  const sym = resourceSymbolOf(target, unit);
  if (!sym) return undefined;
  const info = unit.resourceInfo(sym);
  return index ? { info, index } : { info };
}

/** `stg`, `vnet::subnet`, `a::b::c` → the resource symbol. */
function resourceSymbolOf(e: Expression, unit: CompileUnit): ResourceSymbol | undefined {
  if (e.kind === 'identifier') {
    const sym = unit.lookupValue(e.name);
    return sym?.kind === 'resource' ? sym : undefined;
  }
  if (e.kind === 'resource-access') return resourceSymbolOf(e.base, unit)?.children.get(e.name.name);
  if (e.kind === 'non-null-assertion' || e.kind === 'parenthesized') return resourceSymbolOf(e.expression, unit);
  return undefined;
}

/** The copy loop name of a looped resource. */
export function copyName(info: ResourceInfo): string {
  return info.symbolic;
}

/**
 * A scope where the loop item and index of `info` stand for element `indexArm` (or, inside the
 * declaration itself, for the current copy iteration).
 */
export function loopScope(info: ResourceInfo, scope: Scope, indexArm?: string): Scope {
  if (!info.loop) return scope;
  const loop = info.loop;
  if (indexArm === undefined && scope.locals.size === 0) return memoInRoot(scope, scope.unit.loopScopes, info, () => makeLoopScope(info, loop, scope));
  return makeLoopScope(info, loop, scope, indexArm);
}

function makeLoopScope(info: ResourceInfo, loop: ForNode, scope: Scope, indexArm?: string): Scope {
  const index = indexArm ?? call('copyIndex', quote(copyName(info)));
  const iterable = loopIterableArm(info, scope);
  const entries: [string, { kind: 'arm'; text: string }][] = [];
  if (loop.item) entries.push([loop.item.name, { kind: 'arm', text: `${iterable}[${index}]` }]);
  if (loop.index) entries.push([loop.index.name, { kind: 'arm', text: index }]);
  return withLocals(scope, entries);
}

/** Loops whose source is being compiled (a source that reads its own resource would recurse). */
const compilingLoops: ForNode[] = [];

export function loopIterableArm(info: ResourceInfo, scope: Scope): string {
  const loop = info.loop;
  if (!loop) return NULL;
  // Asked for by the copy loop and by every reference to an element (`stgs[i]`).
  if (scope.locals.size === 0) return declarationText(scope.unit, loop, () => compileLoopSource(info, loop, scope));
  return compileLoopSource(info, loop, scope);
}

function compileLoopSource(info: ResourceInfo, loop: ForNode, scope: Scope): string {
  // A stack of what is being compiled, not a set (a set would rehash as it grows and shrinks);
  // written out here rather than through a helper taking closures: this runs for every loop scope.
  if (compilingLoops.includes(loop)) {
    scope.unit.error('bicep/cycle', `the loop of '${info.sym.name}' reads the resource itself`, loop.iterable);
    return NULL;
  }
  compilingLoops.push(loop);
  try {
    return scope.unit.compileArm(loop.iterable, scope);
  } finally {
    compilingLoops.pop();
  }
}

/** The names being compiled, innermost last. */
const compilingNames: ResourceInfo[] = [];

/**
 * The `name:` of the declaration (for children declared with `parent:`, the child's own name).
 * In the unit's top-level scope it is asked for by every reference to the resource: compiled
 * once, unless compiling it reported something or imported a value (both must happen at every
 * use, as they did before). The id below is kept the same way.
 */
export function ownNameArm(info: ResourceInfo, scope: Scope, indexArm?: string): string {
  if (indexArm !== undefined || scope.locals.size) return ownNameArmOnce(info, scope, indexArm);
  if (info.nameText !== undefined) return info.nameText;
  const unit = scope.unit;
  const before = unit.effects();
  const reads = unit.outputReads?.length ?? 0;
  const text = ownNameArmOnce(info, scope);
  if (unit.effects() === before) {
    info.nameText = text;
    info.nameReadsOutputs = (unit.outputReads?.length ?? 0) !== reads;
  }
  return text;
}

function ownNameArmOnce(info: ResourceInfo, scope: Scope, indexArm?: string): string {
  const name = member(info.body, 'name');
  if (!name) return quote('');
  // `name: self.name`, or two resources naming each other, would never end.
  if (compilingNames.includes(info)) {
    scope.unit.error('bicep/cycle', `the name of '${info.sym.name}' depends on itself`, name);
    return NULL;
  }
  compilingNames.push(info);
  try {
    return scope.unit.compileArm(name, loopScope(info, scope, indexArm));
  } finally {
    compilingNames.pop();
  }
}

/** The name segments that match the type's depth (`account`, `default` for blobServices). */
export function nameSegmentsArm(info: ResourceInfo, scope: Scope, indexArm?: string): string[] {
  let depth = 0;
  for (let i = info.type.indexOf('/'); i >= 0; i = info.type.indexOf('/', i + 1)) depth++;
  const own = ownNameArm(info, scope, indexArm);
  if (info.parent) {
    const parentIndex = info.parent.index ? scope.unit.compileArm(info.parent.index, loopScope(info, scope, indexArm)) : undefined;
    const segs = [...nameSegmentsArm(info.parent.info, scope, parentIndex), own];
    if (segs.length === depth) return segs;
  } else if (depth === 1) return [own];
  const full = fullNameArm(info, scope, indexArm);
  return Array.from({ length: depth }, (_, k) => `${call('split', full, quote('/'))}[${k}]`);
}

export function fullNameArm(info: ResourceInfo, scope: Scope, indexArm?: string): string {
  const own = ownNameArm(info, scope, indexArm);
  if (!info.parent) return own;
  const parentIndex = info.parent.index ? scope.unit.compileArm(info.parent.index, loopScope(info, scope, indexArm)) : undefined;
  return call('format', quote('{0}/{1}'), fullNameArm(info.parent.info, scope, parentIndex), own);
}

const compilingIds: ResourceInfo[] = [];

/** The resource id, honouring extension scopes and cross-scope `existing` declarations. */
export function resourceIdArm(info: ResourceInfo, scope: Scope, indexArm?: string): string {
  if (indexArm !== undefined || scope.locals.size) return resourceIdArmGuarded(info, scope, indexArm);
  if (info.idText !== undefined) return info.idText;
  const before = scope.unit.effects();
  const text = resourceIdArmGuarded(info, scope);
  if (scope.unit.effects() === before) info.idText = text;
  return text;
}

function resourceIdArmGuarded(info: ResourceInfo, scope: Scope, indexArm?: string): string {
  if (compilingIds.includes(info)) {
    scope.unit.error('bicep/cycle', `the id of '${info.sym.name}' depends on itself through its scope or parent`, info.sym.decl.name);
    return NULL;
  }
  compilingIds.push(info);
  try {
    return resourceIdArmOnce(info, scope, indexArm);
  } finally {
    compilingIds.pop();
  }
}

function resourceIdArmOnce(info: ResourceInfo, scope: Scope, indexArm?: string): string {
  const segs = nameSegmentsArm(info, scope, indexArm);
  const type = quote(info.type);
  const s = info.scopeExpr;
  if (s) {
    const inner = loopScope(info, scope, indexArm);
    const target = scope.unit.resourceRefId(s, inner);
    if (target !== undefined) return callOf('extensionResourceId', [target, type, ...segs]);
    if (s.kind === 'call') {
      const args = s.arguments.map((a) => scope.unit.compileArm(a, inner));
      switch (s.name.name) {
        case 'resourceGroup':
          return callOf('resourceId', [...args, type, ...segs]);
        case 'subscription':
          return callOf('subscriptionResourceId', [...args, type, ...segs]);
        case 'tenant':
          return callOf('tenantResourceId', [type, ...segs]);
        case 'managementGroup':
          return callOf('extensionResourceId', [call('format', quote('/providers/Microsoft.Management/managementGroups/{0}'), args[0] ?? 'managementGroup().name'), type, ...segs]);
      }
    }
  }
  if (info.parent && !info.scopeExpr) {
    // A child is in its parent's scope.
    const p = info.parent.info;
    if (p.scopeExpr) {
      const parentIndex = info.parent.index ? scope.unit.compileArm(info.parent.index, loopScope(info, scope, indexArm)) : undefined;
      const parentId = resourceIdArm(p, scope, parentIndex);
      return `${call('format', quote('{0}/{1}/{2}'), parentId, quote(info.type.split('/').pop()!), segs[segs.length - 1])}`;
    }
  }
  switch (scope.unit.targetScope) {
    case 'subscription':
      return callOf('subscriptionResourceId', [type, ...segs]);
    case 'tenant':
      return callOf('tenantResourceId', [type, ...segs]);
    case 'managementGroup':
      return callOf('managementGroupResourceId', [type, ...segs]);
    default:
      return callOf('resourceId', [type, ...segs]);
  }
}
