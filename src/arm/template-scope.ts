// Evaluation scope of one template (or one inner-scope nested template): parameters (lazy, with
// their constraints checked), variables, user-defined functions and copy loops, plus the walk that
// turns a JSON node with `[...]` expressions into a value, recording source ranges on the way.
import { diagnostic, type Diagnostic } from '../core/diagnostic.js';
import { childPath } from '../core/json-path.js';
import { Unknown, isUnknown, type UnknownType, type Value } from '../core/unknown.js';
import type { SourceMap } from '../model/source-map.js';
import type { DeploymentContext } from './deployment-context.js';
import { EvaluationError, type EvalContext } from './expression/eval-context.js';
import { compileBracketed } from './expression/compile-expression.js';
import type { TemplateFunction } from './expression/functions/function-def.js';
import { isExpression, unescapeLiteral } from './expression/parse-expression.js';
import { member, memberCount, memberKeyAt, memberValueAt, members, plainValue, type JsonDocument, type JsonNode } from './json-document.js';
import type { ParameterValues } from './parameters-file.js';
import { coerceSubstituted } from './azd-substitution.js';
import { checkParameterValue } from './parameter-constraints.js';
import { userFunctions } from './user-functions.js';

export const MAX_COPY = 800;

/** What the expander offers expressions: reference(), resourceInfo() and friends. */
export interface ResourceHost {
  /** Answers only for the names in HOST_FUNCTIONS. */
  localFunction(name: string): TemplateFunction | undefined;
}

/** The functions a ResourceHost defines (lower-cased). */
export const HOST_FUNCTIONS: ReadonlySet<string> = new Set(['reference', 'references', 'resourceinfo']);

/**
 * One parameter or variable: its declaration and, once evaluated, its value. One map of these per
 * scope, rather than one map per fact, makes a first read one lookup instead of three.
 */
interface Slot {
  name: string;
  /** The lower-cased name: the slot's own key in its map (other keys are spellings of it). */
  key: string;
  node: JsonNode;
  /**
   * The user-defined types a parameter declaration names with `$ref`, in the order the reference
   * chain reaches them (undefined without one, and for a variable): resolved once, as every member
   * of the declaration that is read (type, nullable, the constraints) may come from them.
   */
  refs: JsonNode[] | undefined;
  /** A parameter's declared `type` (see declaredIn); undefined for a variable. */
  typeNode: JsonNode | undefined;
  /** A `variables.copy` entry, evaluated as an array. */
  copy: boolean;
  evaluating: boolean;
  done: boolean;
  value: Value;
}

function slot(name: string, key: string, node: JsonNode, refs: JsonNode[] | undefined, typeNode: JsonNode | undefined, copy: boolean): Slot {
  return { name, key, node, refs, typeNode, copy, evaluating: false, done: false, value: null };
}

interface Loop {
  name: string;
  index: number;
  kind: 'resource' | 'property' | 'variable' | 'output';
}

const NO_LOOPS: readonly Loop[] = [];

export class TemplateScope implements EvalContext {
  readonly diagnostics: Diagnostic[];
  /** Lower-cased names of the parameters whose values are secret (made when there is one). */
  private secureParams?: Set<string>;
  /**
   * Parameters and variables by lower-cased name, and by each other spelling that expressions
   * have used (a spelling with a capital is never a lower-cased key): parsed expressions are
   * cached, so the same name strings come back and a hit needs no lower-casing.
   */
  private readonly params = new Map<string, Slot>();
  private readonly supplied: ParameterValues;
  private readonly variables = new Map<string, Slot>();
  /** Never changed in place: a snapshot of it is the array itself. */
  private loops: readonly Loop[] = NO_LOOPS;
  private reportedFunctions?: Set<string>;
  private readonly functions?: Map<string, TemplateFunction>;
  private currentNode?: JsonNode;
  host?: ResourceHost;
  /** User functions are namespaced; the host's are these. */
  readonly localFunctionNames = HOST_FUNCTIONS;

  constructor(
    readonly doc: JsonDocument,
    readonly template: JsonNode | undefined,
    readonly deployment: DeploymentContext,
    supplied: ParameterValues,
    diagnostics: Diagnostic[] = [],
  ) {
    this.diagnostics = diagnostics;
    this.supplied = supplied;
    // Members are read in place (memberKeyAt, not members()): a scope is set up for every template
    // and module instance, with dozens of parameters in a typical module.
    const parameters = member(template, 'parameters');
    const parameterCount = memberCount(parameters);
    for (let i = 0; i < parameterCount; i++) {
      const name = memberKeyAt(parameters!, i);
      if (name === undefined) continue;
      const node = memberValueAt(parameters!, i);
      const key = name.toLowerCase();
      const refs = this.referencedTypes(node);
      const typeNode = declaredIn(node, refs, 'type');
      this.params.set(key, slot(name, key, node, refs, typeNode, false));
      if (isSecureType(typeNode?.value) || supplied.get(key)?.secret) (this.secureParams ??= new Set()).add(key);
    }
    for (const name of supplied.keys()) {
      if (!this.params.has(name)) {
        // At the value given, when a parameters file says where: that is the line to fix.
        const at = supplied.get(name)?.location ?? (template ? doc.rangeOf(template) : undefined);
        this.diagnostics.push(diagnostic('arm/unknown-parameter', 'warning', `a value is given for '${supplied.get(name)?.name ?? name}', which the template does not declare`, at));
      }
    }
    const variables = member(template, 'variables');
    const variableCount = memberCount(variables);
    for (let i = 0; i < variableCount; i++) {
      const name = memberKeyAt(variables!, i);
      if (name === undefined) continue;
      const key = name.toLowerCase();
      if (key === 'copy') continue;
      this.variables.set(key, slot(name, key, memberValueAt(variables!, i), undefined, undefined, false));
    }
    for (const c of member(variables, 'copy')?.children ?? []) {
      const name = member(c, 'name')?.value;
      if (typeof name !== 'string') continue;
      const key = name.toLowerCase();
      this.variables.set(key, slot(name, key, c, undefined, undefined, true));
    }
    const functions = member(template, 'functions');
    if (functions) this.functions = userFunctions(functions, this);
  }

  /** Evaluates every parameter once so that missing values and constraint violations are reported. */
  checkParameters(): void {
    // Other spellings added meanwhile are visited too, and skipped.
    this.params.forEach((slot, key) => {
      if (key === slot.key) this.parameter(key);
    });
  }

  parameter(name: string): Value | undefined {
    const decl = slotNamed(this.params, name);
    if (!decl) return undefined;
    if (decl.done) return decl.value;
    if (decl.evaluating) throw new EvaluationError(`the default of parameter '${decl.name}' refers to itself`);
    decl.evaluating = true;
    try {
      const value = this.parameterValue(decl);
      decl.value = value;
      decl.done = true;
      return value;
    } finally {
      decl.evaluating = false;
    }
  }

  private parameterValue(slot: Slot): Value {
    const name = slot.name;
    const decl = slot.node;
    const typeNode = slot.typeNode;
    const given = this.supplied.get(slot.key);
    const defaultValue = member(decl, 'defaultValue');
    const saved = this.loops;
    this.loops = NO_LOOPS;
    try {
      let value: Value;
      // A null passed for a parameter (what a Bicep module gets for an omitted optional value)
      // means "not given": the default applies.
      if (given && !(given.value === null && defaultValue)) value = given.substituted ? coerceSubstituted(given.value, typeNode?.value as string | undefined) : given.value;
      else if (defaultValue) value = this.evaluate(defaultValue);
      else if (declaredIn(decl, slot.refs, 'nullable')?.value === true) return null;
      else {
        this.diagnostics.push(diagnostic('arm/parameter-without-value', 'info', `the parameter '${name}' has no value and no default; what depends on it is unverified. Pass a parameters file with --params.`, this.doc.rangeOf(decl)));
        // A required parameter will have a value of its declared type: never null.
        return new Unknown(`the parameter '${name}' has no value: pass it with --params or give it a default`, undefined, undefined, declaredType(typeNode?.value));
      }
      const problem = isUnknown(value) || value === null ? undefined : checkParameterValue(value, constraintsOf(decl, slot.refs, typeNode));
      if (problem) {
        // Azure would reject the deployment with this value; the template itself may be fine.
        this.diagnostics.push(diagnostic('arm/parameter-constraint', 'warning', `the parameter '${name}' ${given ? 'is given' : 'defaults to'} ${JSON.stringify(value)}, but ${problem}`, this.doc.rangeOf(decl)));
      }
      return value;
    } finally {
      this.loops = saved;
    }
  }

  /**
   * The types a parameter declaration names with `$ref` (`#/definitions/<name>`, as Bicep emits
   * for user-defined types), each naming the next, as far as the chain goes (20 nodes with the
   * declaration itself); undefined when it names none.
   */
  private referencedTypes(decl: JsonNode): JsonNode[] | undefined {
    let refs: JsonNode[] | undefined;
    let node: JsonNode | undefined = decl;
    for (let depth = 1; depth < 20; depth++) {
      const ref = member(node, '$ref')?.value;
      if (typeof ref !== 'string' || !ref.startsWith('#/definitions/')) break;
      node = member(member(this.template, 'definitions'), ref.slice('#/definitions/'.length));
      if (!node) break;
      (refs ??= []).push(node);
    }
    return refs;
  }

  /** The expression a variable is declared as (its raw `[...]` text), when it is one string. */
  variableExpression(name: string): string | undefined {
    const node = slotNamed(this.variables, name)?.node;
    return node?.type === 'string' && typeof node.value === 'string' && isExpression(node.value) ? node.value : undefined;
  }

  variable(name: string): Value | undefined {
    const decl = slotNamed(this.variables, name);
    if (!decl) return undefined;
    if (decl.done) return decl.value;
    if (decl.evaluating) throw new EvaluationError(`the variable '${name}' refers to itself`);
    decl.evaluating = true;
    const saved = this.loops;
    this.loops = NO_LOOPS;
    try {
      const value = decl.copy ? this.copyArray(decl.node, 'variable') : this.evaluate(decl.node);
      decl.value = value;
      decl.done = true;
      return value;
    } finally {
      this.loops = saved;
      decl.evaluating = false;
    }
  }

  /** copyIndex('name') finds that loop; copyIndex() the innermost resource (or output) loop. */
  copyIndex(loopName?: string): number | undefined {
    for (let i = this.loops.length - 1; i >= 0; i--) {
      const l = this.loops[i];
      if (loopName ? l.name.toLowerCase() === loopName.toLowerCase() : l.kind === 'resource' || l.kind === 'output') return l.index;
    }
    return undefined;
  }

  unsupported(functionName: string): void {
    const key = functionName.toLowerCase();
    this.reportedFunctions ??= new Set();
    if (this.reportedFunctions.has(key)) return;
    this.reportedFunctions.add(key);
    this.diagnostics.push(diagnostic('arm/unsupported-function', 'info', `the template function '${functionName}' is not evaluated; values that use it are unverified`, this.currentNode ? this.doc.rangeOf(this.currentNode) : undefined));
  }

  localFunction(name: string): TemplateFunction | undefined {
    return this.functions?.get(name) ?? this.host?.localFunction(name);
  }

  /** The loops in force, to evaluate a resource instance later in the same loop context. */
  snapshotLoops(): readonly Loop[] {
    return this.loops;
  }

  withLoops<T>(loops: readonly Loop[], body: () => T): T {
    const saved = this.swapLoops(loops);
    try {
      return body();
    } finally {
      this.loops = saved;
    }
  }

  /** Puts `loops` in force and returns the loops it replaces (withLoops without a closure). */
  swapLoops(loops: readonly Loop[]): readonly Loop[] {
    const saved = this.loops;
    this.loops = loops;
    return saved;
  }

  withLoop<T>(name: string, index: number, kind: Loop['kind'], body: () => T): T {
    const saved = this.loops;
    this.loops = [...saved, { name, index, kind }];
    try {
      return body();
    } finally {
      this.loops = saved;
    }
  }

  /** The iteration count of a `copy` object, or an Unknown when it cannot be known. */
  copyCount(copy: JsonNode): number | Unknown {
    const count = this.evaluate(member(copy, 'count'));
    if (count instanceof Unknown) return count;
    if (typeof count !== 'number' || count < 0 || !Number.isInteger(count)) {
      this.diagnostics.push(diagnostic('arm/invalid-copy-count', 'error', `copy count must be a non-negative integer, got ${JSON.stringify(count)}`, this.doc.rangeOf(copy)));
      return new Unknown('the copy count is invalid');
    }
    if (count > MAX_COPY) {
      this.diagnostics.push(diagnostic('arm/copy-limit', 'error', `copy count ${count} is over ARM's limit of ${MAX_COPY}`, this.doc.rangeOf(copy)));
      return new Unknown(`the copy count ${count} is over ARM's limit of ${MAX_COPY}`);
    }
    return count;
  }

  copyArray(copy: JsonNode, kind: Loop['kind'], map?: SourceMap, path?: string): Value {
    const name = String(member(copy, 'name')?.value ?? '');
    const count = this.copyCount(copy);
    if (count instanceof Unknown) return count;
    const input = member(copy, 'input');
    // Loops swapped in place, not through withLoop(): no closures for every iteration.
    const out = new Array<Value>(count);
    const saved = this.loops;
    try {
      for (let i = 0; i < count; i++) {
        this.loops = [...saved, { name, index: i, kind }];
        out[i] = this.evaluate(input, map, path === undefined ? undefined : childPath(path, i));
      }
    } finally {
      this.loops = saved;
    }
    return out;
  }

  /**
   * The value of a template JSON node with every expression evaluated. When `map` is given, the
   * range of every property path under `path` is recorded in it.
   */
  evaluate(node: JsonNode | undefined, map?: SourceMap, path?: string, secrets?: string[]): Value {
    if (!node) return null;
    if (map && path !== undefined) map.setLazy(path, node);
    // Paths are for the map and for values that read a secure parameter: without either, none is built.
    if (path !== undefined && !map && !(secrets && this.secureParams)) path = undefined;
    switch (node.type) {
      case 'object':
        return this.evaluateObject(node, map, path, secrets);
      case 'array': {
        const items = node.children ?? [];
        // At its size: a value array grown by push keeps spare room as long as the resource lives.
        const out = new Array<Value>(items.length);
        for (let i = 0; i < items.length; i++) out[i] = this.evaluate(items[i], map, path === undefined ? undefined : childPath(path, i), secrets);
        return out;
      }
      case 'string': {
        const text = node.value as string;
        if (!isExpression(text)) return unescapeLiteral(text);
        if (secrets && path !== undefined && this.usesSecureParameter(text)) secrets.push(path);
        return this.evaluateString(node, text);
      }
      default:
        return node.value as Value;
    }
  }

  /**
   * evaluate() recording in `map` the range of `path` and of every path under it. A subtree whose
   * paths are those of its JSON (no property loop, no computed key) is recorded by its root alone
   * (SourceMap.setTree, walked with plainPathMembers), so that no path string is built for
   * properties nobody reads. A value that reads a secure parameter needs its path (`secrets`).
   */
  evaluateMapped(node: JsonNode, map: SourceMap, path: string, secrets: string[]): Value {
    if (!hasPlainPaths(node, this.secureParams)) return this.evaluate(node, map, path, secrets);
    map.setTree(path, node);
    return this.evaluate(node);
  }

  private evaluateObject(node: JsonNode, map: SourceMap | undefined, path: string | undefined, secrets: string[] | undefined): Value {
    const out: Record<string, Value> = {};
    const count = memberCount(node);
    for (let i = 0; i < count; i++) {
      const key = memberKeyAt(node, i);
      if (key === undefined) continue;
      const child = memberValueAt(node, i);
      if (key === 'copy' && isPropertyCopy(child)) {
        for (const c of child.children ?? []) {
          const name = String(member(c, 'name')?.value ?? '');
          out[name] = this.copyArray(c, 'property', map, path !== undefined ? childPath(path, name) : undefined);
        }
        continue;
      }
      // languageVersion 2.0 allows computed keys: `"[format('{0}', parameters('id'))]": {}`.
      let name: string;
      if (isExpression(key)) {
        const k = this.evaluate({ ...child, type: 'string', value: key, children: undefined } as JsonNode);
        if (typeof k !== 'string') {
          out[`{unknown key: ${key.slice(1, -1)}}`] = new Unknown('the property name is computed from an unknown value', key);
          continue;
        }
        name = k;
      } else name = unescapeLiteral(key);
      out[name] = this.evaluate(child, map, path === undefined ? undefined : childPath(path, name), secrets);
    }
    return out;
  }

  /** Evaluates a node with another context (a user function's parameters); errors propagate. */
  evaluateWith(node: JsonNode | undefined, ctx: EvalContext): Value {
    if (!node) return null;
    if (node.type === 'object') return Object.fromEntries(members(node).map(([k, v]) => [k, this.evaluateWith(v, ctx)]));
    if (node.type === 'array') return (node.children ?? []).map((c) => this.evaluateWith(c, ctx));
    if (node.type !== 'string') return node.value as Value;
    const text = node.value as string;
    if (!isExpression(text)) return unescapeLiteral(text);
    const compiled = compileBracketed(text);
    if (!compiled.ok) throw new EvaluationError(`invalid expression ${text}: ${compiled.error.message}`);
    return compiled.run(ctx);
  }

  private evaluateString(node: JsonNode, text: string): Value {
    const compiled = compileBracketed(text);
    if (!compiled.ok) {
      this.diagnostics.push(diagnostic(compiled.error.code, 'error', `invalid template expression: ${compiled.error.message} (at character ${compiled.error.offset + 2} of the string)`, this.doc.rangeOf(node)));
      return new Unknown('the expression is invalid', text);
    }
    const saved = this.currentNode;
    this.currentNode = node;
    try {
      return compiled.run(this);
    } catch (e) {
      if (!(e instanceof EvaluationError)) throw e;
      if (e.kind === 'undocumented') {
        this.diagnostics.push(diagnostic('arm/evaluation-undocumented', 'warning', `${e.message}; the value is unknown in ${text}`, this.doc.rangeOf(node)));
        return new Unknown(e.message, text);
      }
      const runtime = e.kind === 'runtime';
      this.diagnostics.push(diagnostic(
        runtime ? 'arm/evaluation-failed' : 'arm/expression-error',
        runtime ? 'warning' : 'error',
        runtime ? `with these parameter values the deployment would fail: ${e.message} in ${text}` : `${e.message} in ${text}`,
        this.doc.rangeOf(node),
      ));
      return new Unknown(`the expression failed: ${e.message}`, text);
    } finally {
      this.currentNode = saved;
    }
  }

  /** A runtime failure inside a value that stays partly known: the warning evaluateString would give. */
  runtimeFailure(e: EvaluationError): void {
    const node = this.currentNode;
    const message = `with these parameter values the deployment would fail: ${e.message} in ${String(node?.value ?? '')}`;
    const last = this.diagnostics[this.diagnostics.length - 1];
    if (last?.code === 'arm/evaluation-failed' && last.message === message) return;
    this.diagnostics.push(diagnostic('arm/evaluation-failed', 'warning', message, node ? this.doc.rangeOf(node) : undefined));
  }

  private usesSecureParameter(text: string): boolean {
    return readsSecureParameter(text, this.secureParams);
  }
}


/** The slot `name` finds (as spelled, else lower-cased, remembering that spelling). */
function slotNamed(slots: Map<string, Slot>, name: string): Slot | undefined {
  const hit = slots.get(name);
  if (hit) return hit;
  const key = name.toLowerCase();
  if (key === name) return undefined;
  const decl = slots.get(key);
  if (decl) slots.set(name, decl);
  return decl;
}

/** `String(type).toLowerCase().startsWith('secure')` without building either string for a string type. */
function isSecureType(type: unknown): boolean {
  if (typeof type !== 'string') return type !== undefined && String(type).toLowerCase().startsWith('secure');
  if (type.length < 6) return false;
  // No character beyond ASCII lower-cases to one of 'secure' (K, the Kelvin sign, is a k).
  for (let i = 0; i < 6; i++) if ((type.charCodeAt(i) | 32) !== 'secure'.charCodeAt(i)) return false;
  return true;
}

/** Whether the expression `text` reads one of the `secure` parameters (lower-cased names). */
function readsSecureParameter(text: string, secure: Set<string> | undefined): boolean {
  if (!secure) return false;
  for (const name of parametersNamedIn(text)) if (secure.has(name)) return true;
  return false;
}

/**
 * Whether evaluate() maps every path under `node` to the node plainPathMembers finds there, and
 * records none of them as secret (no expression reads a `secure` parameter).
 */
function hasPlainPaths(node: JsonNode, secure: Set<string> | undefined): boolean {
  if (node.type === 'string') return !(secure && isExpression(node.value as string) && readsSecureParameter(node.value as string, secure));
  if (node.type === 'array') {
    const children = node.children;
    if (!children) return true;
    for (let i = 0; i < children.length; i++) if (!hasPlainPaths(children[i], secure)) return false;
    return true;
  }
  const count = memberCount(node);
  for (let i = 0; i < count; i++) {
    const key = memberKeyAt(node, i);
    if (key === undefined) continue;
    const child = memberValueAt(node, i);
    if (isExpression(key) || (key === 'copy' && isPropertyCopy(child))) return false;
    if (!hasPlainPaths(child, secure)) return false;
  }
  return true;
}

const NO_PATHS: readonly (readonly [string | number, JsonNode])[] = [];

/**
 * The children of a node as evaluate() names their paths when hasPlainPaths holds: object members
 * by their (unescaped) keys, array items by index. The source map walks a tree recorded by its root
 * with this.
 */
export function plainPathMembers(target: object): readonly (readonly [string | number, JsonNode])[] {
  const node = target as JsonNode;
  if (node.type === 'array') return node.children ? node.children.map((c, i) => [i, c] as const) : NO_PATHS;
  const count = memberCount(node);
  if (count === 0) return NO_PATHS;
  const out: (readonly [string, JsonNode])[] = [];
  for (let i = 0; i < count; i++) {
    const key = memberKeyAt(node, i);
    if (key !== undefined) out.push([unescapeLiteral(key), memberValueAt(node, i)]);
  }
  return out;
}

/** A `copy` member that is a property loop: an array of `{name, count, input}`. */
function isPropertyCopy(node: JsonNode): boolean {
  return node.type === 'array' && (node.children?.length ?? 0) > 0 && node.children!.every((c) => member(c, 'name') && member(c, 'count') && member(c, 'input'));
}

/**
 * A member of a parameter declaration, or of the types it names with `$ref` (`refs`): `nullable`,
 * `type` and the constraints may be declared on either. The declaration's own member wins.
 */
function declaredIn(decl: JsonNode, refs: JsonNode[] | undefined, key: string): JsonNode | undefined {
  const own = member(decl, key);
  if (own || refs === undefined) return own;
  for (let i = 0; i < refs.length; i++) {
    const v = member(refs[i], key);
    if (v) return v;
  }
  return undefined;
}

/** The members of a parameter declaration that checkParameterValue reads (not its metadata); `typeNode` is its type. */
function constraintsOf(decl: JsonNode, refs: JsonNode[] | undefined, typeNode: JsonNode | undefined): Record<string, unknown> {
  const out: Record<string, unknown> = {};
  if (decl.type !== 'object') return out;
  if (typeNode) out.type = plainValue(typeNode);
  for (const k of CONSTRAINT_KEYS) {
    const v = declaredIn(decl, refs, k);
    if (v) out[k] = plainValue(v);
  }
  return out;
}

/** The members of a parameter declaration that checkParameterValue reads besides its type. */
const CONSTRAINT_KEYS = ['allowedValues', 'minValue', 'maxValue', 'minLength', 'maxLength'] as const;

/**
 * The lower-cased names of the `parameters('…')` an expression reads, remembered by text: every
 * property of every resource asks, and a template's expressions repeat (loops, modules).
 */
function parametersNamedIn(text: string): readonly string[] {
  let names = parameterNames.get(text);
  if (names === undefined) {
    names = [...text.matchAll(/parameters\(\s*'([^']+)'\s*\)/gi)].map((m) => m[1].toLowerCase());
    if (parameterNames.size > 50_000) parameterNames.clear();
    parameterNames.set(text, names);
  }
  return names;
}
const parameterNames = new Map<string, readonly string[]>();

/** The value type a parameter declaration promises (`securestring` is a string…). */
function declaredType(t: unknown): UnknownType | undefined {
  if (typeof t !== 'string') return undefined;
  switch (t.toLowerCase()) {
    case 'string':
    case 'securestring':
      return 'string';
    case 'int':
      return 'number';
    case 'bool':
      return 'boolean';
    case 'array':
      return 'array';
    case 'object':
    case 'secureobject':
      return 'object';
    default:
      return undefined;
  }
}
