// Compiles one Bicep file (a unit) to an ARM template in the symbolic-name form (languageVersion
// 2.0): parameters, variables, user functions, resources and modules keyed by symbolic name,
// outputs. Every emitted value carries the range of the Bicep text it came from.
import type { DecoratorNode, ModuleDeclNode, ObjectNode, ObjectPropertyNode, ParamDeclNode, Statement } from '../syntax/nodes.js';
import { propertyKeyName } from '../syntax/nodes.js';
import { call, quote } from './arm-text.js';
import type { CompileUnit, Scope } from './compile-scope.js';
import { toArm, toJson } from './compile-expression.js';
import { checkDeployTimeValues, checkDuplicateModuleNames } from './check-deploy-time.js';
import { checkSelfReferences } from './check-self-references.js';
import { checkModuleCall, checkModuleOutputReads } from './check-module-contracts.js';
import { armType, decoratorArgs, findDecorator, secureType, type ArmType } from './compile-types.js';
import { ea, eo, ev, put, type Emitted } from './emit-json.js';
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
  const root: Scope = { unit, locals: new Map() };
  const src = unit.finder;
  const statements = unit.tree.statements as Statement[];
  const parameters = eo([], []);
  const variables = eo([], []);
  const functions = eo([], []);
  const resources = eo([], []);
  const outputs = eo([], []);

  for (const s of statements) {
    switch (s.kind) {
      case 'param-decl':
        put(parameters, s.name.name, compileParameter(s, root));
        break;
      case 'var-decl':
        put(variables, unit.variableName(s.name.name), toJson(s.value, root));
        break;
      case 'func-decl':
        put(functions, unit.functionName(s.name.name), compileFunction(s, root));
        break;
      case 'output-decl': {
        const t = s.type.kind === 'resource-type' ? { type: 'string' as const } : armType(s.type, unit.symbols);
        const secure = findDecorator(s.decorators, 'secure');
        const tt = secure ? secureType(t) : t;
        const value = s.type.kind === 'resource-type' ? ev(`[${unit.resourceRefId(s.value, root) ?? toArm(s.value, root)}]`, src, s.value) : toJson(s.value, root);
        put(outputs, s.name.name, eo(['type', 'value'], [typeValue(tt.type ?? 'object'), value], src, s));
        break;
      }
      case 'module-decl': {
        const sym = unit.symbols.values.get(s.name.name);
        if (sym?.kind === 'module') put(resources, s.name.name, compileModule(sym, root, host));
        break;
      }
      default:
        break;
    }
  }
  for (const sym of unit.symbols.resources) {
    const info = unit.resourceInfo(sym);
    put(resources, info.symbolic, compileResource(info, root));
  }
  checkDeployTimeValues(statements, root);
  checkSelfReferences(statements, root);
  checkDuplicateModuleNames(statements, root);
  checkModuleOutputReads(unit);
  for (const [k, v] of host.importedVariables(unit) ?? []) put(variables, k, v);
  for (const [k, v] of host.importedFunctions(unit) ?? []) put(functions, k, v);

  const template = eo(['$schema', 'languageVersion', 'contentVersion'], [SCHEMA_VALUES.get(unit.targetScope)!, LANGUAGE_VERSION, CONTENT_VERSION], src, FILE_START);
  if (parameters.keys!.length) put(template, 'parameters', parameters);
  if (functions.keys!.length) put(template, 'functions', ea([eo(['namespace', 'members'], [NAMESPACE, functions])]));
  if (variables.keys!.length) put(template, 'variables', variables);
  put(template, 'resources', resources);
  if (outputs.keys!.length) put(template, 'outputs', outputs);
  return template;
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
  // Counted first: the member arrays are made at their final size (they live as long as the
  // template, and an array grown by push keeps room for 16 more).
  let n = (t.type ? 1 : 0) + (p.defaultValue ? 1 : 0) + (allowed || allowedValues ? 1 : 0) + (t.nullable ? 1 : 0);
  if (limits) for (let k = 0; k < LIMITS.length; k++) if (decoratorArgs(limits[k])[0]) n++;
  const keys = new Array<string>(n);
  const values = new Array<Emitted>(n);
  let i = 0;
  const add = (key: string, value: Emitted) => {
    keys[i] = key;
    values[i++] = value;
  };
  if (t.type) add('type', ev(t.type, src, p.type));
  if (p.defaultValue) add('defaultValue', toJson(p.defaultValue, scope));
  if (allowed) add('allowedValues', toJson(allowed, scope));
  else if (allowedValues) add('allowedValues', ev(allowedValues));
  if (limits) {
    for (let k = 0; k < LIMITS.length; k++) {
      const arg = decoratorArgs(limits[k])[0];
      if (arg) add(LIMITS[k], toJson(arg, scope));
    }
  }
  if (t.nullable) add('nullable', TRUE);
  return eo(keys, values, src, p);
}

function compileFunction(f: Extract<Statement, { kind: 'func-decl' }>, scope: Scope): Emitted {
  const locals = new Map(scope.locals);
  for (const p of f.parameters) locals.set(p.name.name, { kind: 'func-param', name: p.name.name });
  const inner: Scope = { unit: scope.unit, locals };
  const params = f.parameters.map((p) => eo(['name', 'type'], [ev(p.name.name), ev((p.type ? armType(p.type, scope.unit.symbols).type : undefined) ?? 'object')]));
  const out = armType(f.returnType, scope.unit.symbols).type ?? 'object';
  return eo(['parameters', 'output'], [ea(params), eo(['type', 'value'], [typeValue(out), toJson(f.body, inner)])], scope.unit.finder, f);
}

function compileResource(info: ResourceInfo, root: Scope): Emitted {
  const unit = root.unit;
  const decl = info.sym.decl;
  const scope = loopScope(info, root);
  const src = unit.finder;
  const entries = eo([], [], src, decl);
  if (info.existing) put(entries, 'existing', TRUE);
  if (info.condition) put(entries, 'condition', ev(`[${toArm(info.condition, scope)}]`, src, info.condition));
  if (info.loop) put(entries, 'copy', loopCopy(copyName(info), loopIterableArm(info, root), decl.decorators));
  put(entries, 'type', ev(info.type, src, decl.typeString));
  if (info.apiVersion) put(entries, 'apiVersion', ev(info.apiVersion, src, decl.typeString));
  // A non-Azure extension resource keeps its `name` (if any) among its properties, as Bicep emits it.
  const nameNode = info.extension ? undefined : propertyNode(info.body, 'name');
  if (!info.parent && nameNode) put(entries, 'name', toJson(nameNode.value, scope));
  else if (!info.extension && (nameNode || info.parent)) put(entries, 'name', ev(`[${fullNameArm(info, root)}]`, src, nameNode ?? decl.name));
  // A child of an extension resource is at its parent's scope, and says so as Bicep emits it.
  const parentInfo = info.parent?.info;
  const scopeExpr = info.scopeExpr ?? (parentInfo && !parentInfo.loop && !parentInfo.parent ? parentInfo.scopeExpr : undefined);
  if (scopeExpr && !info.extension) {
    const target = unit.resourceRefId(scopeExpr, scope);
    if (target !== undefined) put(entries, 'scope', ev(`[${target}]`, src, scopeExpr));
    // `scope: tenant()` deploys the resource at the tenant, which ARM spells "/".
    else if (scopeExpr.kind === 'call' && !scopeExpr.base && scopeExpr.name.name === 'tenant' && scopeExpr.arguments.length === 0) put(entries, 'scope', ev('/', src, scopeExpr));
  }
  // Extension resources (Kubernetes `metadata`/`spec`, Graph objects) carry their body as properties.
  const members = info.extension ? (info.body ? eo([], [], src, info.body) : eo([], [])) : entries;
  if (info.body) {
    for (const item of info.body.items) {
      if (item.kind !== 'object-property') continue;
      const key = propertyKeyName(item.key);
      // A Graph object's `scope` (a permission grant's) and `name` are its own properties.
      if (key === undefined || (RESERVED_RESOURCE_KEYS.has(key) && !(info.extension && (key === 'name' || key === 'scope')))) continue;
      put(members, key, toJson(item.value, scope));
    }
  }
  if (info.extension) put(entries, 'properties', members);
  return entries;
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
  const entries = eo([], [], src, decl);
  if (condition) put(entries, 'condition', ev(`[${toArm(condition, scope)}]`, src, condition));
  if (loop) put(entries, 'copy', loopCopy(sym.name, toArm(loop.iterable, root), decl.decorators));
  put(entries, 'type', DEPLOYMENTS);
  put(entries, 'apiVersion', DEPLOYMENTS_API);
  put(entries, 'name', ev(`[${moduleDeploymentNameArm(sym, root)}]`, src, decl.name));
  const scopeExpr = propertyOf(body, 'scope');
  if (scopeExpr?.kind === 'call') {
    const args = scopeExpr.arguments.map((a) => toArm(a, scope));
    switch (scopeExpr.name.name) {
      case 'resourceGroup':
        if (args.length === 2) {
          put(entries, 'subscriptionId', ev(`[${args[0]}]`));
          put(entries, 'resourceGroup', ev(`[${args[1]}]`));
        } else if (args.length === 1) put(entries, 'resourceGroup', ev(`[${args[0]}]`));
        break;
      case 'subscription':
        if (args.length) put(entries, 'subscriptionId', ev(`[${args[0]}]`));
        break;
      case 'managementGroup':
        if (args.length) put(entries, 'scope', ev(`[${call('format', quote('Microsoft.Management/managementGroups/{0}'), args[0])}]`));
        break;
      case 'tenant':
        put(entries, 'scope', TENANT_SCOPE);
        break;
    }
  } else if (scopeExpr) {
    const ref = resolveResourceRef(scopeExpr, scope);
    if (ref) put(entries, 'scope', ev(`[${refIdArm(ref, scope)}]`, src, scopeExpr));
  }
  const params = eo([], []);
  const paramsNode = propertyOf(body, 'params');
  if (paramsNode?.kind === 'object') {
    for (const item of paramsNode.items) {
      if (item.kind !== 'object-property') continue;
      const key = propertyKeyName(item.key);
      if (key === undefined) continue;
      put(params, key, moduleParameter(item.value, scope));
    }
  }
  const path = decl.path.kind === 'error' ? '' : decl.path.parts.join('');
  const mod = host.moduleTemplate(unit, decl, path);
  const properties = eo(['expressionEvaluationOptions', 'mode', 'parameters'], [INNER_EVALUATION, INCREMENTAL, params]);
  if (mod.kind === 'template') {
    put(properties, 'template', mod.template);
    checkModuleCall(unit, decl, body, mod.template);
  } else put(properties, 'templateLink', eo(['uri', 'azreadyUnavailable'], [ev(mod.reference), ev(mod.reason)], src, decl.path));
  put(entries, 'properties', properties);
  return entries;
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
