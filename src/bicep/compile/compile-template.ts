// Compiles one Bicep file (a unit) to an ARM template in the symbolic-name form (languageVersion
// 2.0): parameters, variables, user functions, resources and modules keyed by symbolic name,
// outputs. Every emitted value carries the range of the Bicep text it came from.
import type { DecoratorNode, Expression, ModuleDeclNode, ObjectNode, ObjectPropertyNode, ParamDeclNode, Statement } from '../syntax/nodes.js';
import { propertyKeyName } from '../syntax/nodes.js';
import { call, quote } from './arm-text.js';
import { NO_LOCALS, declarationText, type CompileUnit, type Scope } from './compile-scope.js';
import { isLiteral, toArm, toJson } from './compile-expression.js';
import { checkDeployTimeValues, checkDuplicateModuleNames } from './check-deploy-time.js';
import { checkSelfReferences } from './check-self-references.js';
import { checkModuleCall, checkModuleOutputReads } from './check-module-contracts.js';
import { armType, decoratorArgs, findDecorator, secureType, type ArmType } from './compile-types.js';
import { ea, eo, ev, type At, type Emitted } from './emit-json.js';
import type { SpanFinder } from './span-finder.js';
import { moduleDeploymentNameArm, moduleLoopScope, moduleParts, type ModuleSymbol } from './module-info.js';
import { resolveResourceRef, refIdArm } from './resource-access.js';
import { copyName, fullNameArm, loopIterableArm, loopScope, type ResourceInfo } from './resource-info.js';

const SCHEMAS = {
  resourceGroup: 'https://schema.management.azure.com/schemas/2019-04-01/deploymentTemplate.json#',
  subscription: 'https://schema.management.azure.com/schemas/2018-05-01/subscriptionDeploymentTemplate.json#',
  managementGroup: 'https://schema.management.azure.com/schemas/2019-08-01/managementGroupDeploymentTemplate.json#',
  tenant: 'https://schema.management.azure.com/schemas/2019-08-01/tenantDeploymentTemplate.json#',
} as const;

const LIMITS = ['minValue', 'maxValue', 'minLength', 'maxLength'] as const;

const RESERVED_RESOURCE_KEYS = new Set(['name', 'parent', 'scope', 'dependsOn']);

/** The template as a whole has the range of the file's start. */
const FILE_START = { start: 0, end: 0 };

// Values every template or module emits the same way, shared (emitted values are only read, never
// changed): a corpus pass would otherwise make thousands of each.
const TRUE = ev(true);
const LANGUAGE_VERSION = ev('2.0');
const CONTENT_VERSION = ev('1.0.0.0');
const NAMESPACE = ev('__bicep');
const SERIAL = ev('serial');
const DEPLOYMENTS = ev('Microsoft.Resources/deployments');
const DEPLOYMENTS_API = ev('2025-04-01');
const TENANT_SCOPE = ev('/');
const INNER_EVALUATION = eo(['scope'], [ev('inner')]);
const INCREMENTAL = ev('Incremental');
const SCHEMA_VALUES = new Map(Object.entries(SCHEMAS).map(([k, v]) => [k, ev(v)]));
const TYPE_VALUES = new Map<string, Emitted>();

/** `"string"`, `"object"`…: the emitted value of an ARM type name. */
function typeValue(type: string): Emitted {
  let e = TYPE_VALUES.get(type);
  if (!e) TYPE_VALUES.set(type, (e = ev(type)));
  return e;
}

/** How the compiler gets a module's template: compiled Bicep, ARM JSON, or nothing (unavailable). */
export type ModuleTemplate = { kind: 'template'; template: Emitted } | { kind: 'unavailable'; reference: string; reason: string };

export interface TemplateCompileHost {
  moduleTemplate(unit: CompileUnit, decl: ModuleDeclNode, path: string): ModuleTemplate;
  /** Variables and functions imported into this unit from other files. */
  importedVariables(unit: CompileUnit): ReadonlyMap<string, Emitted> | undefined;
  importedFunctions(unit: CompileUnit): ReadonlyMap<string, Emitted> | undefined;
}

export function compileTemplate(unit: CompileUnit, host: TemplateCompileHost): Emitted {
  const root: Scope = { unit, locals: NO_LOCALS };
  const src = unit.finder;
  const statements = unit.tree.statements as Statement[];
  // Counted first, so each section's member arrays are made at their size.
  let paramCount = 0;
  let varCount = 0;
  let funcCount = 0;
  let outputCount = 0;
  let moduleCount = 0;
  for (const s of statements) {
    if (s.kind === 'param-decl') paramCount++;
    else if (s.kind === 'var-decl') varCount++;
    else if (s.kind === 'func-decl') funcCount++;
    else if (s.kind === 'output-decl') outputCount++;
    else if (s.kind === 'module-decl') moduleCount++;
  }
  const parameters = new Members(paramCount);
  const variables = new Members(varCount);
  const functions = new Members(funcCount);
  const resources = new Members(moduleCount + unit.symbols.resources.length);
  const outputs = new Members(outputCount);

  for (const s of statements) {
    switch (s.kind) {
      case 'param-decl':
        parameters.add(s.name.name, compileParameter(s, root));
        break;
      case 'var-decl':
        variables.add(unit.variableName(s.name.name), toJson(s.value, root));
        break;
      case 'func-decl':
        functions.add(unit.functionName(s.name.name), compileFunction(s, root));
        break;
      case 'output-decl': {
        const t = s.type.kind === 'resource-type' ? { type: 'string' as const } : armType(s.type, unit.symbols);
        const secure = findDecorator(s.decorators, 'secure');
        const tt = secure ? secureType(t) : t;
        const value = s.type.kind === 'resource-type' ? ev(`[${unit.resourceRefId(s.value, root) ?? toArm(s.value, root)}]`, src, s.value) : toJson(s.value, root);
        outputs.add(s.name.name, eo(['type', 'value'], [typeValue(tt.type ?? 'object'), value], src, s));
        break;
      }
      case 'module-decl': {
        const sym = unit.symbols.values.get(s.name.name);
        if (sym?.kind === 'module') resources.add(s.name.name, compileModule(sym, root, host));
        break;
      }
      default:
        break;
    }
  }
  for (const sym of unit.symbols.resources) {
    const info = unit.resourceInfo(sym);
    resources.add(info.symbolic, compileResource(info, root));
  }
  checkDeployTimeValues(statements, root);
  checkSelfReferences(statements, root);
  checkDuplicateModuleNames(statements, root);
  checkModuleOutputReads(unit);
  for (const [k, v] of host.importedVariables(unit) ?? []) variables.add(k, v);
  for (const [k, v] of host.importedFunctions(unit) ?? []) functions.add(k, v);

  const template = new Members(8);
  template.add('$schema', SCHEMA_VALUES.get(unit.targetScope)!);
  template.add('languageVersion', LANGUAGE_VERSION);
  template.add('contentVersion', CONTENT_VERSION);
  if (parameters.size) template.add('parameters', parameters.done());
  if (functions.size) template.add('functions', ea([eo(['namespace', 'members'], [NAMESPACE, functions.done()])]));
  if (variables.size) template.add('variables', variables.done());
  template.add('resources', resources.done());
  if (outputs.size) template.add('outputs', outputs.done());
  return template.done(src, FILE_START);
}

function compileParameter(p: ParamDeclNode, scope: Scope): Emitted {
  const unit = scope.unit;
  let t: ArmType = armType(p.type, unit.symbols);
  // One pass over the decorators (AVM parameters all carry a few); the first of each name counts.
  let secure = false;
  let allowedDecorator: DecoratorNode | undefined;
  let limits: (DecoratorNode | undefined)[] | undefined;
  for (const d of p.decorators) {
    if (d.expression.kind !== 'call') continue;
    const name = d.expression.name.name;
    if (name === 'secure') secure = true;
    else if (name === 'allowed') allowedDecorator ??= d;
    else {
      const k = LIMITS.indexOf(name as (typeof LIMITS)[number]);
      if (k < 0) continue;
      limits ??= [];
      limits[k] ??= d;
    }
  }
  if (secure) t = secureType(t);
  // A type azready cannot resolve (one imported from a registry) stays unconstrained.
  const src = unit.finder;
  const allowed = decoratorArgs(allowedDecorator)[0];
  const allowedValues = allowed === undefined && t.allowedValues && p.type.kind !== 'type-name' ? t.allowedValues : undefined;
  // Counted first: the member arrays are made at their final size.
  let n = (t.type ? 1 : 0) + (p.defaultValue ? 1 : 0) + (allowed || allowedValues ? 1 : 0) + (t.nullable ? 1 : 0);
  if (limits) for (let k = 0; k < LIMITS.length; k++) if (decoratorArgs(limits[k])[0]) n++;
  const entries = new Members(n);
  if (t.type) entries.add('type', ev(t.type, src, p.type));
  if (p.defaultValue) entries.add('defaultValue', toJson(p.defaultValue, scope));
  if (allowed) entries.add('allowedValues', toJson(allowed, scope));
  else if (allowedValues) entries.add('allowedValues', ev(allowedValues));
  if (limits) {
    for (let k = 0; k < LIMITS.length; k++) {
      const arg = decoratorArgs(limits[k])[0];
      if (arg) entries.add(LIMITS[k], toJson(arg, scope));
    }
  }
  if (t.nullable) entries.add('nullable', TRUE);
  return entries.done(src, p);
}

function compileFunction(f: Extract<Statement, { kind: 'func-decl' }>, scope: Scope): Emitted {
  const locals = new Map(scope.locals);
  for (const p of f.parameters) locals.set(p.name.name, { kind: 'func-param', name: p.name.name });
  const inner: Scope = { unit: scope.unit, locals };
  const params = f.parameters.map((p) => eo(['name', 'type'], [ev(p.name.name), ev((p.type ? armType(p.type, scope.unit.symbols).type : undefined) ?? 'object')]));
  const out = armType(f.returnType, scope.unit.symbols).type ?? 'object';
  return eo(['parameters', 'output'], [ea(params), eo(['type', 'value'], [typeValue(out), toJson(f.body, inner)])], scope.unit.finder, f);
}

/**
 * The members of an object whose count is only bounded up front (a resource's entries): arrays
 * made at the bound and cut to what was added, instead of grown by push, which leaves room for
 * 16 more members in every object for as long as the template lives.
 */
class Members {
  readonly keys: string[];
  readonly values: Emitted[];
  private n = 0;

  constructor(max: number) {
    this.keys = new Array<string>(max);
    this.values = new Array<Emitted>(max);
  }

  get size(): number {
    return this.n;
  }

  /** Past the bound, the arrays grow as arrays do. */
  add(key: string, value: Emitted): void {
    this.keys[this.n] = key;
    this.values[this.n++] = value;
  }

  done(src?: SpanFinder, at?: At): Emitted {
    // Setting a length is a call into the engine: only when the bound was not reached.
    if (this.keys.length !== this.n) {
      this.keys.length = this.n;
      this.values.length = this.n;
    }
    return eo(this.keys, this.values, src, at);
  }
}

function compileResource(info: ResourceInfo, root: Scope): Emitted {
  const unit = root.unit;
  const decl = info.sym.decl;
  const scope = loopScope(info, root);
  const src = unit.finder;
  const bodyItems = info.body ? info.body.items.length : 0;
  // existing, condition, copy, type, apiVersion, name, scope, and the body's members (or properties).
  const entries = new Members(7 + (info.extension ? 1 : bodyItems));
  if (info.existing) entries.add('existing', TRUE);
  if (info.condition) entries.add('condition', ev(`[${toArm(info.condition, scope)}]`, src, info.condition));
  if (info.loop) entries.add('copy', loopCopy(copyName(info), loopIterableArm(info, root), decl.decorators));
  entries.add('type', ev(info.type, src, decl.typeString));
  if (info.apiVersion) entries.add('apiVersion', ev(info.apiVersion, src, decl.typeString));
  // A non-Azure extension resource keeps its `name` (if any) among its properties, as Bicep emits it.
  const nameNode = info.extension ? undefined : propertyNode(info.body, 'name');
  if (!info.parent && nameNode) entries.add('name', resourceName(info, nameNode.value, scope));
  else if (!info.extension && (nameNode || info.parent)) entries.add('name', ev(`[${fullNameArm(info, root)}]`, src, nameNode ?? decl.name));
  // A child of an extension resource is at its parent's scope, and says so as Bicep emits it.
  const parentInfo = info.parent?.info;
  const scopeExpr = info.scopeExpr ?? (parentInfo && !parentInfo.loop && !parentInfo.parent ? parentInfo.scopeExpr : undefined);
  if (scopeExpr && !info.extension) {
    const target = unit.resourceRefId(scopeExpr, scope);
    if (target !== undefined) entries.add('scope', ev(`[${target}]`, src, scopeExpr));
    // `scope: tenant()` deploys the resource at the tenant, which ARM spells "/".
    else if (scopeExpr.kind === 'call' && !scopeExpr.base && scopeExpr.name.name === 'tenant' && scopeExpr.arguments.length === 0) entries.add('scope', ev('/', src, scopeExpr));
  }
  // Extension resources (Kubernetes `metadata`/`spec`, Graph objects) carry their body as properties.
  const members = info.extension ? new Members(bodyItems) : entries;
  if (info.body) {
    for (const item of info.body.items) {
      if (item.kind !== 'object-property') continue;
      const key = propertyKeyName(item.key);
      // A Graph object's `scope` (a permission grant's) and `name` are its own properties.
      if (key === undefined || (RESERVED_RESOURCE_KEYS.has(key) && !(info.extension && (key === 'name' || key === 'scope')))) continue;
      members.add(key, toJson(item.value, scope));
    }
  }
  if (info.extension) entries.add('properties', info.body ? members.done(src, info.body) : members.done());
  return entries.done(src, fromKeyword(unit.tree.text, decl, 'resource'));
}

/**
 * A decorated declaration's range from its keyword on: a finding about the resource, and the
 * suppression comment above it, go by the `resource` line, not by its first decorator (a
 * `@description` some lines up).
 */
function fromKeyword(text: string, decl: { start: number; end: number; decorators: readonly DecoratorNode[]; name: { start: number } }, keyword: string): At {
  if (decl.decorators.length === 0) return decl;
  let k = decl.name.start;
  while (k > decl.start && isSpace(text.charCodeAt(k - 1))) k--;
  return text.startsWith(keyword, k - keyword.length) ? { start: k - keyword.length, end: decl.end } : decl;
}

function isSpace(c: number): boolean {
  return c === 32 || c === 9 || c === 10 || c === 13;
}

/**
 * A top-level resource's `name:` as toJson emits it. References to the resource compiled the name
 * already (ownNameArm keeps it): an expression name reuses that text, unless compiling it noted
 * a module output read, which must be noted again here.
 */
function resourceName(info: ResourceInfo, value: Expression, scope: Scope): Emitted {
  let e = value;
  while (e.kind === 'parenthesized') e = e.expression;
  const text = info.nameText;
  if (text === undefined || info.nameReadsOutputs || isLiteral(e) || e.kind === 'object' || e.kind === 'array') return toJson(value, scope);
  return ev('[' + text + ']', scope.unit.finder, e);
}

function loopCopy(name: string, iterableArm: string, decorators: DecoratorNode[]): Emitted {
  const batch = decoratorArgs(findDecorator(decorators, 'batchSize'))[0];
  if (batch?.kind === 'number') return eo(['name', 'count', 'mode', 'batchSize'], [ev(name), ev(`[${call('length', iterableArm)}]`), SERIAL, ev(batch.value)]);
  return eo(['name', 'count'], [ev(name), ev(`[${call('length', iterableArm)}]`)]);
}

function compileModule(sym: ModuleSymbol, root: Scope, host: TemplateCompileHost): Emitted {
  const unit = root.unit;
  const decl = sym.decl;
  const { body, loop, condition } = moduleParts(sym);
  const scope = moduleLoopScope(sym, root);
  const src = unit.finder;
  // condition, copy, type, apiVersion, name, up to two scope members, properties.
  const entries = new Members(8);
  if (condition) entries.add('condition', ev(`[${toArm(condition, scope)}]`, src, condition));
  if (loop) entries.add('copy', loopCopy(sym.name, declarationText(unit, loop, () => toArm(loop.iterable, root)), decl.decorators));
  entries.add('type', DEPLOYMENTS);
  entries.add('apiVersion', DEPLOYMENTS_API);
  entries.add('name', ev(`[${moduleDeploymentNameArm(sym, root)}]`, src, decl.name));
  const scopeExpr = propertyOf(body, 'scope');
  if (scopeExpr?.kind === 'call') {
    const args = scopeExpr.arguments.map((a) => toArm(a, scope));
    switch (scopeExpr.name.name) {
      case 'resourceGroup':
        if (args.length === 2) {
          entries.add('subscriptionId', ev(`[${args[0]}]`));
          entries.add('resourceGroup', ev(`[${args[1]}]`));
        } else if (args.length === 1) entries.add('resourceGroup', ev(`[${args[0]}]`));
        break;
      case 'subscription':
        if (args.length) entries.add('subscriptionId', ev(`[${args[0]}]`));
        break;
      case 'managementGroup':
        if (args.length) entries.add('scope', ev(`[${call('format', quote('Microsoft.Management/managementGroups/{0}'), args[0])}]`));
        break;
      case 'tenant':
        entries.add('scope', TENANT_SCOPE);
        break;
    }
  } else if (scopeExpr) {
    const ref = resolveResourceRef(scopeExpr, scope);
    if (ref) entries.add('scope', ev(`[${refIdArm(ref, scope)}]`, src, scopeExpr));
  }
  const paramsNode = propertyOf(body, 'params');
  const params = new Members(paramsNode?.kind === 'object' ? paramsNode.items.length : 0);
  if (paramsNode?.kind === 'object') {
    for (const item of paramsNode.items) {
      if (item.kind !== 'object-property') continue;
      const key = propertyKeyName(item.key);
      if (key === undefined) continue;
      params.add(key, moduleParameter(item.value, scope));
    }
  }
  const path = decl.path.kind === 'error' ? '' : decl.path.parts.join('');
  const mod = host.moduleTemplate(unit, decl, path);
  const parameters = params.done();
  let properties: Emitted;
  if (mod.kind === 'template') {
    properties = eo(['expressionEvaluationOptions', 'mode', 'parameters', 'template'], [INNER_EVALUATION, INCREMENTAL, parameters, mod.template]);
    checkModuleCall(unit, decl, body, mod.template);
  } else {
    const link = eo(['uri', 'azreadyUnavailable'], [ev(mod.reference), ev(mod.reason)], src, decl.path);
    properties = eo(['expressionEvaluationOptions', 'mode', 'parameters', 'templateLink'], [INNER_EVALUATION, INCREMENTAL, parameters, link]);
  }
  entries.add('properties', properties);
  return entries.done(src, decl);
}

/** `kv.getSecret('name')` passes a Key Vault reference; anything else a value. */
function moduleParameter(value: import('../syntax/nodes.js').Expression, scope: Scope): Emitted {
  if (value.kind === 'call' && value.name.name === 'getSecret' && value.base) {
    const vault = scope.unit.resourceRefId(value.base, scope);
    if (vault !== undefined) {
      return eo(['reference'], [eo(['keyVault', 'secretName'], [eo(['id'], [ev(`[${vault}]`)]), toJson(value.arguments[0] ?? value, scope)])], scope.unit.finder, value);
    }
  }
  const json = toJson(value, scope);
  // The wrapper has the value's range (toJson looks inside parentheses: the wrapper does not).
  return eo(['value'], [json], scope.unit.finder, value);
}

function propertyNode(body: ObjectNode | undefined, key: string): ObjectPropertyNode | undefined {
  if (!body) return undefined;
  for (const item of body.items) if (item.kind === 'object-property' && propertyKeyName(item.key) === key) return item;
  return undefined;
}

function propertyOf(body: ObjectNode | undefined, key: string) {
  for (const item of body?.items ?? []) if (item.kind === 'object-property' && propertyKeyName(item.key) === key) return item.value;
  return undefined;
}
