// Values needed at the start of a deployment (resource and module names, loop sources, the
// bodies of variable loops) cannot come from a resource's runtime state. Bicep rejects them
// (BCP120, BCP178, BCP182); so does azready, with the place and the offending reference.
import type { Expression, Statement, SyntaxNode } from '../syntax/nodes.js';
import { propertyKeyName } from '../syntax/nodes.js';
import { type Scope, declarationText, withLocals } from './compile-scope.js';
import { resolveResourceRef } from './resource-access.js';
import { loopScope, member } from './resource-info.js';
import { moduleLoopScope, moduleParts } from './module-info.js';

const START_PROPERTIES = new Set(['id', 'name', 'type', 'apiVersion']);

/**
 * The scope of the search under way: one module-level walker instead of a closure per search
 * (there is a search per resource name, loop source and variable loop body).
 */
let searchScope: Scope;

/** The first sub-expression whose value is only known once resources are deployed. */
export function findRuntimeValue(e: SyntaxNode, scope: Scope): Expression | undefined {
  const outer = searchScope;
  searchScope = scope;
  try {
    return visitRuntime(e);
  } finally {
    searchScope = outer;
  }
}

function visitRuntime(n: SyntaxNode): Expression | undefined {
  const scope = searchScope;
  const visit = visitRuntime;
  switch (n.kind) {
    case 'index-access':
    case 'property-access': {
      // `foo['id']` reads a property like `foo.id`.
      const prop = n.kind === 'property-access' ? n.property.name : constantString(n.index, scope);
      if (prop === undefined) {
        // A computed key on a resource cannot be proven to read runtime state: check only the
        // key itself (Bicep's type system narrows it; azready errs on the side of accepting).
        if (n.kind === 'index-access' && resolveResourceRef(n.base, scope)) return visit(n.index);
        return firstInChildren(n, visit);
      }
      const ref = resolveResourceRef(n.base, scope);
      // Resources of non-Azure extensions declare their properties up front.
      if (ref?.kind === 'resource' && ref.info.extension) return undefined;
      if (ref?.kind === 'resource') return START_PROPERTIES.has(prop) ? (ref.index ? visit(ref.index) : undefined) : n;
      if (ref?.kind === 'module') return prop === 'outputs' ? n : ref.index ? visit(ref.index) : undefined;
      return visit(n.base);
    }
    case 'call': {
      if (n.base && resolveResourceRef(n.base, scope)) return n;
      if (!n.base && /^(reference|list\w*)$/i.test(n.name.name)) return n;
      for (const a of n.arguments) {
        const hit = visit(a);
        if (hit) return hit;
      }
      return n.base ? visit(n.base) : undefined;
    }
    // Lambda parameters and loop items shadow symbols of the same name (`map(apps, rg => rg.x)`
    // beside `resource rg`).
    case 'lambda':
      return findRuntimeValue(n.body, withLocals(scope, n.parameters.map((p) => [p.name.name, { kind: 'lambda', name: p.name.name }])));
    case 'for': {
      const names = [n.item?.name, n.index?.name].filter((x): x is string => !!x);
      return visit(n.iterable) ?? findRuntimeValue(n.body, withLocals(scope, names.map((x) => [x, { kind: 'lambda', name: x }])));
    }
    // `{ pip: … }`: a property key is a name, not a reference to a symbol called `pip`.
    case 'object-property':
      return (n.key.kind === 'identifier' ? undefined : visit(n.key)) ?? visit(n.value);
    case 'identifier': {
      const ref = resolveResourceRef(n, scope);
      // A whole resource or module used as a value is its runtime state.
      if (ref && !scope.locals.has(n.name)) return n;
      return undefined;
    }
    // Leaves: nothing to find (skips a call to firstInChildren for each).
    case 'number':
    case 'boolean':
    case 'null':
      return undefined;
    default:
      return firstInChildren(n, visit);
  }
}

/** A string literal, or a variable whose value is one (`var idAccessor = 'id'`). */
export function constantString(e: Expression, scope: Scope, depth = 0): string | undefined {
  if (e.kind === 'string') {
    const holes = e.expressions.map((x) => constantString(x, scope, depth + 1));
    if (holes.some((h) => h === undefined)) return undefined;
    return e.parts.map((p, i) => p + (holes[i] ?? '')).join('');
  }
  if (e.kind === 'parenthesized') return constantString(e.expression, scope, depth + 1);
  if (e.kind === 'identifier' && depth < 8 && !scope.locals.has(e.name)) {
    const sym = scope.unit.symbols.values.get(e.name);
    if (sym?.kind === 'var') return constantString(sym.decl.value, scope, depth + 1);
  }
  return undefined;
}

/**
 * The first result of `f` over the child nodes of `n`, in the order the parser sets a node's
 * fields (a loop's item and index come after its body), without building a list of them.
 */
function firstInChildren<T>(n: SyntaxNode, f: (child: SyntaxNode) => T | undefined): T | undefined {
  switch (n.kind) {
    case 'identifier':
    case 'number':
    case 'boolean':
    case 'null':
    case 'error':
    case 'skipped':
      return undefined;
    case 'string':
    case 'multiline-string':
      return firstOf(n.expressions, f);
    case 'object':
    case 'array':
      return firstOf(n.items, f);
    case 'object-property':
      return f(n.key) ?? f(n.value);
    case 'spread':
    case 'non-null-assertion':
    case 'parenthesized':
      return f(n.expression);
    case 'call':
      return (n.base ? f(n.base) : undefined) ?? f(n.name) ?? firstOf(n.arguments, f);
    case 'property-access':
      return f(n.base) ?? f(n.property);
    case 'index-access':
      return f(n.base) ?? f(n.index);
    case 'resource-access':
      return f(n.base) ?? f(n.name);
    case 'unary':
      return f(n.operand);
    case 'binary':
      return f(n.left) ?? f(n.right);
    case 'ternary':
      return f(n.condition) ?? f(n.whenTrue) ?? f(n.whenFalse);
    case 'for':
      return f(n.iterable) ?? f(n.body) ?? (n.item ? f(n.item) : undefined) ?? (n.index ? f(n.index) : undefined);
    case 'if':
      return f(n.condition) ?? f(n.body);
    case 'lambda':
      return firstOf(n.parameters, f) ?? f(n.body);
    case 'lambda-parameter':
      return f(n.name) ?? (n.type ? f(n.type) : undefined);
    default:
      return firstInFields(n, f);
  }
}

function firstOf<T>(nodes: readonly SyntaxNode[], f: (child: SyntaxNode) => T | undefined): T | undefined {
  for (let i = 0; i < nodes.length; i++) {
    const hit = f(nodes[i]);
    if (hit !== undefined) return hit;
  }
  return undefined;
}

/** Any other node (types, declarations): every field holding a node or an array of nodes, in field order. */
function firstInFields<T>(n: SyntaxNode, f: (child: SyntaxNode) => T | undefined): T | undefined {
  const fields = n as unknown as Record<string, unknown>;
  for (const k in fields) {
    const v = fields[k];
    if (v === null || typeof v !== 'object') continue;
    if (Array.isArray(v)) {
      for (const x of v) {
        if (x && typeof x === 'object' && 'kind' in x) {
          const hit = f(x as SyntaxNode);
          if (hit !== undefined) return hit;
        }
      }
    } else if ('kind' in v) {
      const hit = f(v as SyntaxNode);
      if (hit !== undefined) return hit;
    }
  }
  return undefined;
}

/** Where the first word `for` (the only way a loop can be written) at or after `from` is, or -1. */
function nextFor(text: string, from: number): number {
  for (let i = text.indexOf('for', from); i >= 0; i = text.indexOf('for', i + 1)) {
    if (!isWordChar(text.charCodeAt(i - 1)) && !isWordChar(text.charCodeAt(i + 3))) return i;
  }
  return -1;
}

function isWordChar(c: number): boolean {
  return (c >= 48 && c <= 57) || (c >= 65 && c <= 90) || (c >= 97 && c <= 122) || c === 95;
}

export function checkDeployTimeValues(statements: Statement[], scope: Scope): void {
  const report = (where: string, hit: Expression) =>
    scope.unit.error('bicep/runtime-value', `${where} must be known at the start of the deployment; this reference reads a resource's runtime state (use its id, name, type or apiVersion, or a parameter)`, hit);
  // The next word `for` of the file, found once for all the variables after the last one found
  // (statements come in source order, so the text is searched once overall).
  let loopWord = -2;
  for (const s of statements) {
    // Only a variable whose text has a `for` can have a loop body (skips walking the rest).
    if (s.kind === 'var-decl' && loopWord !== -1 && loopWord < s.value.start) loopWord = nextFor(scope.unit.tree.text, s.value.start);
    if (s.kind === 'var-decl' && loopWord >= 0 && loopWord + 3 <= s.value.end) {
      visitForBodies(s.value, scope, (body, inner) => {
        const hit = findRuntimeValue(body, inner);
        if (hit) report(`the loop body of variable '${s.name.name}'`, hit);
      });
    }
    if (s.kind === 'module-decl') {
      const { body, loop } = moduleParts({ kind: 'module', name: s.name.name, decl: s });
      const name = member(body, 'name');
      const hit = name && findRuntimeValue(name, moduleLoopScope({ kind: 'module', name: s.name.name, decl: s }, scope));
      if (hit) report(`the name of module '${s.name.name}'`, hit);
      const src = loop && findRuntimeValue(loop.iterable, scope);
      if (src) report(`the loop source of module '${s.name.name}'`, src);
    }
  }
  for (const sym of scope.unit.symbols.resources) {
    const info = scope.unit.resourceInfo(sym);
    const name = member(info.body, 'name');
    // Bicep does not require the properties of an `existing` resource, its name included, up front.
    const hit = name && !info.existing && findRuntimeValue(name, loopScope(info, scope));
    if (hit) report(`the name of resource '${sym.name}'`, hit);
    const src = info.loop && findRuntimeValue(info.loop.iterable, scope);
    if (src) report(`the loop source of resource '${sym.name}'`, src);
  }
}

/** The scope and callback of the walk under way (module-level: no closure per node visited). */
let forBodies: { scope: Scope; onBody: (body: SyntaxNode, inner: Scope) => void } | undefined;

function visitForBodies(e: SyntaxNode, scope: Scope, onBody: (body: SyntaxNode, inner: Scope) => void): void {
  const outer = forBodies;
  forBodies = { scope, onBody };
  try {
    visitForBody(e);
  } finally {
    forBodies = outer;
  }
}

function visitForBody(e: SyntaxNode): undefined {
  if (e.kind === 'for') {
    const { scope, onBody } = forBodies!;
    const names = [e.item?.name, e.index?.name].filter((x): x is string => !!x);
    onBody(e.body, withLocals(scope, names.map((n) => [n, { kind: 'lambda', name: n }])));
    return undefined;
  }
  return firstInChildren(e, visitForBody);
}

/**
 * Modules deployed with the same literal name at the same scope overwrite each other (BCP122).
 * Conditional modules are left out, as Bicep does: two of them under one name are usually
 * alternatives (`if (zoneRedundant)` / `if (!zoneRedundant)`), never deployed together.
 */
export function checkDuplicateModuleNames(statements: Statement[], scope: Scope): void {
  const seen = new Map<string, string>();
  for (const s of statements) {
    if (s.kind !== 'module-decl' || s.value.kind === 'for' || s.value.kind === 'if') continue;
    const { body } = moduleParts({ kind: 'module', name: s.name.name, decl: s });
    const name = member(body, 'name');
    if (!name || (name.kind !== 'string' && name.kind !== 'multiline-string')) continue;
    // The module's own name compiled this text already (moduleDeploymentNameArm, keyed the same).
    const key = `${declarationText(scope.unit, name, () => scope.unit.compileArm(name, scope))}@${body?.items.some((i) => i.kind === 'object-property' && propertyKeyName(i.key) === 'scope') ? scope.unit.compileArm(member(body, 'scope')!, scope) : ''}`;
    const first = seen.get(key);
    if (first) scope.unit.error('bicep/duplicate-module-name', `modules '${first}' and '${s.name.name}' deploy with the same name at the same scope; the second would overwrite the first. Rename one.`, name);
    else seen.set(key, s.name.name);
  }
}
