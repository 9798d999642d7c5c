// Compiles Bicep expressions to ARM template expressions: operators become functions, string
// interpolation becomes format(), for-expressions become map()/filter() with lambdas, and
// references to resources and modules become resourceId()/reference() calls.
import type { BicepSymbol } from '../bind/symbols.js';
import type { BinaryOperator, Expression, ForNode, IdentifierNode, ObjectNode, ObjectPropertyNode, PropertyAccessNode, SyntaxNode } from '../syntax/nodes.js';
import { propertyKeyName } from '../syntax/nodes.js';
import { NULL, call, callOf, escapeJsonString, formatLiteral, quote } from './arm-text.js';
import { type Local, type Scope, withLocals } from './compile-scope.js';
import { ea, eo, ev, type Emitted } from './emit-json.js';
import { foldLoadFunction } from './load-functions.js';
import { collectionCall } from './collection-lambdas.js';
import { inlineResourceVariable, lookupValue, moduleOutputAccess, refMember, refOfSymbol, resourceMemberAccess, resourceMethodCall, resolveResourceRef, wholeResource } from './resource-access.js';

/** The ARM function for a binary operator (a switch: no table lookup and closure call per operator). */
function binaryToArm(operator: BinaryOperator, l: string, r: string): string {
  switch (operator) {
    case '??':
      return call('coalesce', l, r);
    case '||':
      return call('or', l, r);
    case '&&':
      return call('and', l, r);
    case '==':
      return call('equals', l, r);
    case '!=':
      return call('not', call('equals', l, r));
    case '=~':
      return call('equals', call('toLower', l), call('toLower', r));
    case '!~':
      return call('not', call('equals', call('toLower', l), call('toLower', r)));
    case '<':
      return call('less', l, r);
    case '<=':
      return call('lessOrEquals', l, r);
    case '>':
      return call('greater', l, r);
    case '>=':
      return call('greaterOrEquals', l, r);
    case '+':
      return call('add', l, r);
    case '-':
      return call('sub', l, r);
    case '*':
      return call('mul', l, r);
    case '/':
      return call('div', l, r);
    case '%':
      return call('mod', l, r);
  }
}

/** Is this expression plain JSON (no expression needed)? */
export function isLiteral(e: SyntaxNode): boolean {
  switch (e.kind) {
    case 'string':
    case 'multiline-string':
      return e.expressions.length === 0;
    case 'number':
    case 'boolean':
    case 'null':
      return true;
    case 'unary':
      return e.operator === '-' && e.operand.kind === 'number';
    case 'parenthesized':
      return isLiteral(e.expression);
    case 'object':
      return e.items.every((i) => i.kind === 'object-property' && propertyKeyName(i.key) !== undefined && isLiteral(i.value));
    case 'array':
      return e.items.every((i) => i.kind !== 'spread' && i.kind !== 'skipped' && isLiteral(i));
    default:
      return false;
  }
}

/**
 * The JSON for an expression in a template position: plain JSON where it can be (objects and
 * arrays stay structured, so each property keeps its own Bicep range), `"[expr]"` otherwise.
 */
export function toJson(e: Expression, scope: Scope): Emitted {
  if (e.kind === 'parenthesized') return toJson(e.expression, scope);
  const src = scope.unit.finder;
  switch (e.kind) {
    case 'string':
    case 'multiline-string':
      if (e.expressions.length === 0) return ev(escapeJsonString(e.parts[0]), src, e);
      break;
    case 'number':
      return ev(e.value, src, e);
    case 'boolean':
      return ev(e.value, src, e);
    case 'null':
      return ev(null, src, e);
    case 'unary':
      if (e.operator === '-' && e.operand.kind === 'number') return ev(-e.operand.value, src, e);
      break;
    case 'object': {
      // Interpolated keys are emitted as `"[expr]"` keys, as the Bicep compiler does in 2.0.
      const items = e.items;
      if (!allProperties(items)) break;
      const keys: string[] = new Array(items.length);
      const values: Emitted[] = new Array(items.length);
      for (let i = 0; i < items.length; i++) {
        const p = items[i] as ObjectPropertyNode;
        const key = propertyKeyName(p.key);
        keys[i] = key !== undefined ? escapeJsonString(key) : '[' + toArm(p.key, scope) + ']';
        values[i] = toJson(p.value, scope);
      }
      return eo(keys, values, src, e);
    }
    case 'array': {
      const items = e.items;
      if (!plainItems(items)) break;
      const out: Emitted[] = new Array(items.length);
      for (let i = 0; i < items.length; i++) out[i] = toJson(items[i] as Expression, scope);
      return ea(out, src, e);
    }
    default:
      break;
  }
  return ev('[' + toArm(e, scope) + ']', src, e);
}

function allProperties(items: readonly { kind: string }[]): boolean {
  for (let i = 0; i < items.length; i++) if (items[i].kind !== 'object-property') return false;
  return true;
}

function plainItems(items: readonly { kind: string }[]): boolean {
  for (let i = 0; i < items.length; i++) if (items[i].kind === 'spread' || items[i].kind === 'skipped') return false;
  return true;
}

/** `format()` of an interpolated string: literal parts with `{i}` holes, then the hole values. */
function formatToArm(parts: readonly string[], expressions: readonly Expression[], scope: Scope): string {
  let text = '';
  let args = '';
  for (let i = 0; i < parts.length; i++) {
    text += formatLiteral(parts[i]);
    if (i < expressions.length) {
      text += '{' + i + '}';
      args += ', ' + toArm(expressions[i], scope);
    }
  }
  return 'format(' + quote(text) + args + ')';
}

/** `a, b, c`: the ARM texts of call arguments, joined as callOf joins them (no array in between). */
function argsText(items: readonly Expression[], scope: Scope): string {
  let s = '';
  for (let i = 0; i < items.length; i++) s += i === 0 ? toArm(items[i], scope) : ', ' + toArm(items[i], scope);
  return s;
}

/** The ARM expression text (without brackets) for a Bicep expression. */
export function toArm(e: Expression, scope: Scope): string {
  switch (e.kind) {
    case 'string':
    case 'multiline-string':
      if (e.expressions.length === 0) return quote(e.parts[0]);
      return formatToArm(e.parts, e.expressions, scope);
    case 'number':
      return e.text;
    case 'boolean':
      return e.value ? 'true()' : 'false()';
    case 'null':
      return NULL;
    case 'parenthesized':
      return toArm(e.expression, scope);
    case 'non-null-assertion':
      return toArm(e.expression, scope);
    case 'object':
      return objectToArm(e, scope);
    case 'array': {
      const groups: string[] = [];
      let current: string[] = [];
      let spread = false;
      for (const item of e.items) {
        if (item.kind === 'skipped') continue;
        if (item.kind === 'spread') {
          spread = true;
          if (current.length) groups.push(callOf('createArray', current));
          current = [];
          groups.push(toArm(item.expression, scope));
        } else current.push(toArm(item, scope));
      }
      if (!spread) return callOf('createArray', current);
      if (current.length) groups.push(callOf('createArray', current));
      return call('flatten', callOf('createArray', groups));
    }
    case 'identifier':
      return identifierToArm(e.name, e, scope);
    case 'unary':
      if (e.operator === '!') return call('not', toArm(e.operand, scope));
      if (e.operator === '-') return e.operand.kind === 'number' ? `-${e.operand.text}` : call('sub', '0', toArm(e.operand, scope));
      return toArm(e.operand, scope);
    case 'binary':
      return binaryToArm(e.operator, toArm(e.left, scope), toArm(e.right, scope));
    case 'ternary':
      return call('if', toArm(e.condition, scope), toArm(e.whenTrue, scope), toArm(e.whenFalse, scope));
    case 'call':
      return callToArm(e, scope);
    case 'property-access': {
      const inlined = inlineResourceVariable(e, scope);
      if (inlined) return toArm(inlined, scope);
      const imported = wildcardMember(e, scope);
      if (imported !== undefined) return imported;
      if (e.base.kind === 'identifier' && !isElement(e.base.name, scope)) return identifierPropertyToArm(e.base, e, scope);
      const special = moduleOutputAccess(e, scope) ?? resourceMemberAccess(e, scope);
      if (special !== undefined) return special;
      const base = toArm(e.base, scope);
      return e.safe || isSafeChain(e.base) ? call('tryGet', base, quote(e.property.name)) : base + '.' + e.property.name;
    }
    case 'index-access': {
      const inlined = inlineResourceVariable(e, scope);
      if (inlined) return toArm(inlined, scope);
      const special = moduleOutputAccess(e, scope);
      if (special !== undefined) return special;
      const ref = resolveResourceRef(e, scope);
      if (ref) return wholeResource(e, scope) ?? refMember(ref, 'id', scope);
      const base = toArm(e.base, scope);
      const index = toArm(e.index, scope);
      if (e.fromEnd) return call(e.safe ? 'tryIndexFromEnd' : 'indexFromEnd', base, index);
      return e.safe || isSafeChain(e.base) ? call('tryGet', base, index) : base + '[' + index + ']';
    }
    case 'resource-access': {
      const ref = resolveResourceRef(e, scope);
      return ref ? refMember(ref, 'id', scope) : NULL;
    }
    case 'for':
      return forToArm(e, scope);
    case 'lambda': {
      const names = e.parameters.map((p) => p.name.name);
      const inner = withLocals(scope, names.map((n) => [n, { kind: 'lambda', name: n }]));
      return callOf('lambda', [...names.map(quote), toArm(e.body, inner)]);
    }
    case 'error':
      return NULL;
  }
}

/** `shared.resources` where `import * as shared from 'shared.bicep'`: the exported variable. */
function wildcardMember(e: Extract<Expression, { kind: 'property-access' }>, scope: Scope): string | undefined {
  if (e.base.kind !== 'identifier' || scope.locals.has(e.base.name)) return undefined;
  const sym = scope.unit.symbols.values.get(e.base.name);
  if (sym?.kind !== 'import' || !sym.wildcard) return undefined;
  return scope.unit.importedValue(sym, e.property.name) ?? NULL;
}

/** After a `.?` the rest of the chain is safe too (`a.?b.c` → tryGet(tryGet(a, 'b'), 'c')). */
function isSafeChain(e: Expression): boolean {
  if (e.kind === 'property-access' || e.kind === 'index-access') return e.safe || isSafeChain(e.base);
  return false;
}

function objectToArm(e: ObjectNode, scope: Scope): string {
  const groups: string[] = [];
  let current: string[] = [];
  let spread = false;
  for (const item of e.items) {
    if (item.kind === 'object-property') {
      const key = propertyKeyName(item.key);
      current.push(key !== undefined ? quote(key) : toArm(item.key as Expression, scope), toArm(item.value, scope));
    } else if (item.kind === 'spread') {
      spread = true;
      if (current.length) groups.push(callOf('createObject', current));
      current = [];
      groups.push(toArm(item.expression, scope));
    }
  }
  if (!spread) return callOf('createObject', current);
  if (current.length) groups.push(callOf('createObject', current));
  return call('shallowMerge', callOf('createArray', groups));
}

function identifierToArm(name: string, node: SyntaxNode, scope: Scope): string {
  const local = scope.locals.size === 0 ? undefined : scope.locals.get(name);
  if (local) return local.kind === 'element' ? elementToArm(local, node, scope) : localToArm(local);
  return symbolToArm(name, node, lookupValue(name, scope), scope);
}

/** A copy of a collection used as a value, in a lambda over it: as a whole symbol is. */
function elementToArm(local: Extract<Local, { kind: 'element' }>, node: SyntaxNode, scope: Scope): string {
  const ref = resolveResourceRef(node as Expression, scope);
  if (!ref) return NULL;
  return wholeResource(node as Expression, scope) ?? refMember(ref, ref.kind === 'module' ? 'name' : 'id', scope);
}

/** Whether `name` is a lambda parameter standing for one copy of a collection (collection-lambdas.ts). */
function isElement(name: string, scope: Scope): boolean {
  return scope.locals.size !== 0 && scope.locals.get(name)?.kind === 'element';
}

function localToArm(local: Exclude<Local, { kind: 'element' }>): string {
  if (local.kind === 'lambda') return call('lambdaVariables', quote(local.name));
  if (local.kind === 'func-param') return call('parameters', quote(local.name));
  return local.text;
}

/**
 * `name.prop`, the commonest shape (`param.x`, `stg.properties`), as resourceMemberAccess and
 * identifierToArm compile it, with one lookup of the name instead of one in each.
 */
function identifierPropertyToArm(base: IdentifierNode, e: PropertyAccessNode, scope: Scope): string {
  const name = base.name;
  const local = scope.locals.size === 0 ? undefined : scope.locals.get(name);
  let text: string;
  if (local) text = local.kind === 'element' ? elementToArm(local, base, scope) : localToArm(local);
  else {
    const sym = lookupValue(name, scope);
    if (sym?.kind === 'resource' || sym?.kind === 'module') return refMember(refOfSymbol(sym, scope), e.property.name, scope);
    text = symbolToArm(name, base, sym, scope);
  }
  return e.safe ? call('tryGet', text, quote(e.property.name)) : text + '.' + e.property.name;
}

/** A name that is no local: its symbol's ARM text (`sym` undefined: not declared). */
function symbolToArm(name: string, node: SyntaxNode, sym: BicepSymbol | undefined, scope: Scope): string {
  if (!sym) {
    scope.unit.error('bicep/undefined-symbol', `'${name}' is not declared; declare it or check the spelling`, node);
    return NULL;
  }
  switch (sym.kind) {
    case 'param':
    case 'var': {
      // Built once per symbol: parameters and variables are referenced over and over. The first
      // use goes through variableName(), which pulls an imported variable in; later uses find it in.
      let text = sym.armText;
      if (text === undefined) {
        text = sym.kind === 'param' ? call('parameters', quote(name)) : call('variables', quote(scope.unit.variableName(name)));
        sym.armText = text;
      }
      return text;
    }
    case 'resource':
    case 'module':
      // A bare resource is its full reference (as Bicep emits it), a bare module its deployment name.
      return (sym.kind === 'resource' ? wholeResource(node as Expression, scope) : undefined) ?? refMember(refOfSymbol(sym, scope), sym.kind === 'module' ? 'name' : 'id', scope);
    case 'import':
      return scope.unit.importedValue(sym) ?? NULL;
    default:
      scope.unit.error('bicep/invalid-reference', `'${name}' is a ${sym.kind} and cannot be used as a value`, node);
      return NULL;
  }
}

function callToArm(e: Extract<Expression, { kind: 'call' }>, scope: Scope): string {
  const name = e.name.name;
  if (e.base) {
    if (e.base.kind === 'identifier' && (e.base.name === 'sys' || e.base.name === 'az') && !scope.locals.has(e.base.name) && !scope.unit.symbols.values.has(e.base.name)) {
      return plainCall(e, name, scope);
    }
    const inlined = inlineResourceVariable(e, scope);
    if (inlined) return toArm(inlined, scope);
    const method = resourceMethodCall(e, scope);
    if (method !== undefined) return method;
    if (e.base.kind === 'identifier') {
      const sym = scope.unit.symbols.values.get(e.base.name);
      if (sym?.kind === 'import' && sym.wildcard) return scope.unit.importedValue(sym, name)?.replace(/\(\)$/, `(${argsText(e.arguments, scope)})`) ?? NULL;
    }
    scope.unit.error('bicep/unknown-method', `'${name}' is not a method of this value`, e.name);
    return NULL;
  }
  const sym = scope.unit.symbols.values.get(name);
  if (sym?.kind === 'func') {
    const fn = `__bicep.${scope.unit.functionName(name)}`;
    return fn + '(' + argsText(e.arguments, scope) + ')';
  }
  if (sym?.kind === 'import') {
    const fn = scope.unit.importedValue(sym);
    return fn ? fn.replace(/\(\)$/, `(${argsText(e.arguments, scope)})`) : NULL;
  }
  return plainCall(e, name, scope);
}

function plainCall(e: Extract<Expression, { kind: 'call' }>, name: string, scope: Scope): string {
  // Names are matched without case; only a name starting with a, l, n or r can match (most calls
  // are not lower-cased for nothing).
  const first = name.charCodeAt(0) | 0x20;
  if (first === 0x61 || first === 0x6c || first === 0x6e || first === 0x72) {
    const lower = name.toLowerCase();
    if (lower === 'any') return e.arguments[0] ? toArm(e.arguments[0], scope) : NULL;
    if (lower.startsWith('load') || lower === 'nameof' || lower === 'readenvironmentvariable') {
      const folded = foldLoadFunction(e, scope);
      if (folded !== undefined) return folded;
    }
  }
  // map(storageAccounts, s => …) over a resource or module collection (collection-lambdas.ts).
  if (e.arguments.length > 0 && e.arguments[0].kind === 'identifier') {
    const overCollection = collectionCall(e, name.toLowerCase(), scope, toArm);
    if (overCollection !== undefined) return overCollection;
  }
  return name + '(' + argsText(e.arguments, scope) + ')';
}

/**
 * `[for x in xs: body]` → map(xs, lambda('x', body)); with an index, the loop runs over
 * range(0, length(xs)); a filter becomes filter() first.
 */
function forToArm(e: ForNode, scope: Scope): string {
  const iterable = toArm(e.iterable, scope);
  const item = e.item?.name ?? '__item';
  const filtered = e.body.kind === 'if' ? e.body : undefined;
  const body = e.body.kind === 'if' ? e.body.body : e.body;
  if (!e.index) {
    const inner = withLocals(scope, [[item, { kind: 'lambda', name: item }]]);
    const source = filtered ? call('filter', iterable, call('lambda', quote(item), toArm(filtered.condition, inner))) : iterable;
    return call('map', source, call('lambda', quote(item), toArm(body, inner)));
  }
  const index = e.index.name;
  const inner = withLocals(scope, [
    [index, { kind: 'lambda', name: index }],
    [item, { kind: 'arm', text: `${iterable}[${call('lambdaVariables', quote(index))}]` }],
  ]);
  const indices = call('range', '0', call('length', iterable));
  const source = filtered ? call('filter', indices, call('lambda', quote(index), toArm(filtered.condition, inner))) : indices;
  return call('map', source, call('lambda', quote(index), toArm(body, inner)));
}
