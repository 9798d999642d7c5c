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
import { ea, eo, ev, type Emitted } from './emit-json.js';
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

/** How the compiler gets a module's template: compiled Bicep, ARM JSON, or nothing (unavailable). */
export type ModuleTemplate = { kind: 'template'; template: Emitted } | { kind: 'unavailable'; reference: string; reason: string };

export interface TemplateCompileHost {
  moduleTemplate(unit: CompileUnit, decl: ModuleDeclNode, path: string): ModuleTemplate;
  /** Variables and functions imported into this unit from other files. */
  importedVariables(unit: CompileUnit): [string, Emitted][];
  importedFunctions(unit: CompileUnit): [string, Emitted][];
}

export function compileTemplate(unit: CompileUnit, host: TemplateCompileHost): Emitted {
  const root: Scope = { unit, locals: new Map() };
  const statements = unit.tree.statements as Statement[];
  const parameters: [string, Emitted][] = [];
  const variables: [string, Emitted][] = [];
  const functions: [string, Emitted][] = [];
  const resources: [string, Emitted][] = [];
  const outputs: [string, Emitted][] = [];

  for (const s of statements) {
    switch (s.kind) {
      case 'param-decl':
        parameters.push([s.name.name, compileParameter(s, root)]);
        break;
      case 'var-decl':
        variables.push([unit.variableName(s.name.name), toJson(s.value, root)]);
        break;
      case 'func-decl':
        functions.push([unit.functionName(s.name.name), compileFunction(s, root)]);
        break;
      case 'output-decl': {
        const t = s.type.kind === 'resource-type' ? { type: 'string' as const } : armType(s.type, unit.symbols);
        const secure = findDecorator(s.decorators, 'secure');
        const tt = secure ? secureType(t) : t;
        const value = s.type.kind === 'resource-type' ? ev(`[${unit.resourceRefId(s.value, root) ?? toArm(s.value, root)}]`, unit.span(s.value)) : toJson(s.value, root);
        outputs.push([s.name.name, eo([['type', ev(tt.type ?? 'object')], ['value', value]], unit.span(s))]);
        break;
      }
      case 'module-decl': {
        const sym = unit.symbols.values.get(s.name.name);
        if (sym?.kind === 'module') resources.push([s.name.name, compileModule(sym, root, host)]);
        break;
      }
      default:
        break;
    }
  }
  for (const sym of unit.symbols.resources) {
    const info = unit.resourceInfo(sym);
    resources.push([info.symbolic, compileResource(info, root)]);
  }
  checkDeployTimeValues(statements, root);
  checkSelfReferences(statements, root);
  checkDuplicateModuleNames(statements, root);
  checkModuleOutputReads(unit);
  variables.push(...host.importedVariables(unit));
  functions.push(...host.importedFunctions(unit));

  const template: [string, Emitted][] = [
    ['$schema', ev(SCHEMAS[unit.targetScope])],
    ['languageVersion', ev('2.0')],
    ['contentVersion', ev('1.0.0.0')],
  ];
  if (parameters.length) template.push(['parameters', eo(parameters)]);
  if (functions.length) template.push(['functions', ea([eo([['namespace', ev('__bicep')], ['members', eo(functions)]])])]);
  if (variables.length) template.push(['variables', eo(variables)]);
  template.push(['resources', eo(resources)]);
  if (outputs.length) template.push(['outputs', eo(outputs)]);
  return eo(template, unit.span({ start: 0, end: 0 }));
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
  const entries: [string, Emitted][] = t.type ? [['type', ev(t.type, unit.span(p.type))]] : [];
  if (p.defaultValue) entries.push(['defaultValue', toJson(p.defaultValue, scope)]);
  const allowed = decoratorArgs(allowedDecorator)[0];
  if (allowed) entries.push(['allowedValues', toJson(allowed, scope)]);
  else if (t.allowedValues && p.type.kind !== 'type-name') entries.push(['allowedValues', ev(t.allowedValues)]);
  if (limits) {
    for (let k = 0; k < LIMITS.length; k++) {
      const arg = decoratorArgs(limits[k])[0];
      if (arg) entries.push([LIMITS[k], toJson(arg, scope)]);
    }
  }
  if (t.nullable) entries.push(['nullable', ev(true)]);
  return eo(entries, unit.span(p));
}

function compileFunction(f: Extract<Statement, { kind: 'func-decl' }>, scope: Scope): Emitted {
  const locals = new Map(scope.locals);
  for (const p of f.parameters) locals.set(p.name.name, { kind: 'func-param', name: p.name.name });
  const inner: Scope = { unit: scope.unit, locals };
  const params = f.parameters.map((p) => eo([['name', ev(p.name.name)], ['type', ev((p.type ? armType(p.type, scope.unit.symbols).type : undefined) ?? 'object')]]));
  const out = armType(f.returnType, scope.unit.symbols).type ?? 'object';
  return eo([['parameters', ea(params)], ['output', eo([['type', ev(out)], ['value', toJson(f.body, inner)]])]], scope.unit.span(f));
}

function compileResource(info: ResourceInfo, root: Scope): Emitted {
  const unit = root.unit;
  const decl = info.sym.decl;
  const scope = loopScope(info, root);
  const entries: [string, Emitted][] = [];
  if (info.existing) entries.push(['existing', ev(true)]);
  if (info.condition) entries.push(['condition', ev(`[${toArm(info.condition, scope)}]`, unit.span(info.condition))]);
  if (info.loop) entries.push(['copy', loopCopy(copyName(info), loopIterableArm(info, root), decl.decorators, unit)]);
  // Type and api version share one range (emitted values are only read, never changed).
  const typeSpan = unit.span(decl.typeString);
  entries.push(['type', ev(info.type, typeSpan)]);
  if (info.apiVersion) entries.push(['apiVersion', ev(info.apiVersion, typeSpan)]);
  // A non-Azure extension resource keeps its `name` (if any) among its properties, as Bicep emits it.
  const nameNode = info.extension ? undefined : propertyNode(info.body, 'name');
  if (!info.parent && nameNode) entries.push(['name', toJson(nameNode.value, scope)]);
  else if (!info.extension && (nameNode || info.parent)) entries.push(['name', ev(`[${fullNameArm(info, root)}]`, nameNode ? unit.span(nameNode) : unit.span(decl.name))]);
  // A child of an extension resource is at its parent's scope, and says so as Bicep emits it.
  const parentInfo = info.parent?.info;
  const scopeExpr = info.scopeExpr ?? (parentInfo && !parentInfo.loop && !parentInfo.parent ? parentInfo.scopeExpr : undefined);
  if (scopeExpr && !info.extension) {
    const target = unit.resourceRefId(scopeExpr, scope);
    if (target !== undefined) entries.push(['scope', ev(`[${target}]`, unit.span(scopeExpr))]);
    // `scope: tenant()` deploys the resource at the tenant, which ARM spells "/".
    else if (scopeExpr.kind === 'call' && !scopeExpr.base && scopeExpr.name.name === 'tenant' && scopeExpr.arguments.length === 0) entries.push(['scope', ev('/', unit.span(scopeExpr))]);
  }
  // Extension resources (Kubernetes `metadata`/`spec`, Graph objects) carry their body as properties.
  const members: [string, Emitted][] = info.extension ? [] : entries;
  if (info.body) {
    for (const item of info.body.items) {
      if (item.kind !== 'object-property') continue;
      const key = propertyKeyName(item.key);
      // A Graph object's `scope` (a permission grant's) and `name` are its own properties.
      if (key === undefined || (RESERVED_RESOURCE_KEYS.has(key) && !(info.extension && (key === 'name' || key === 'scope')))) continue;
      members.push([key, toJson(item.value, scope)]);
    }
  }
  if (info.extension) entries.push(['properties', eo(members, info.body ? unit.span(info.body) : undefined)]);
  return eo(entries, unit.span(decl));
}

function loopCopy(name: string, iterableArm: string, decorators: import('../syntax/nodes.js').DecoratorNode[], unit: CompileUnit): Emitted {
  const copy: [string, Emitted][] = [['name', ev(name)], ['count', ev(`[${call('length', iterableArm)}]`)]];
  const batch = decoratorArgs(findDecorator(decorators, 'batchSize'))[0];
  if (batch?.kind === 'number') copy.push(['mode', ev('serial')], ['batchSize', ev(batch.value)]);
  void unit;
  return eo(copy);
}

function compileModule(sym: ModuleSymbol, root: Scope, host: TemplateCompileHost): Emitted {
  const unit = root.unit;
  const decl = sym.decl;
  const { body, loop, condition } = moduleParts(sym);
  const scope = moduleLoopScope(sym, root);
  const entries: [string, Emitted][] = [];
  if (condition) entries.push(['condition', ev(`[${toArm(condition, scope)}]`, unit.span(condition))]);
  if (loop) entries.push(['copy', loopCopy(sym.name, toArm(loop.iterable, root), decl.decorators, unit)]);
  entries.push(['type', ev('Microsoft.Resources/deployments')], ['apiVersion', ev('2025-04-01')]);
  entries.push(['name', ev(`[${moduleDeploymentNameArm(sym, root)}]`, unit.span(decl.name))]);
  const scopeExpr = propertyOf(body, 'scope');
  if (scopeExpr?.kind === 'call') {
    const args = scopeExpr.arguments.map((a) => toArm(a, scope));
    switch (scopeExpr.name.name) {
      case 'resourceGroup':
        if (args.length === 2) entries.push(['subscriptionId', ev(`[${args[0]}]`)], ['resourceGroup', ev(`[${args[1]}]`)]);
        else if (args.length === 1) entries.push(['resourceGroup', ev(`[${args[0]}]`)]);
        break;
      case 'subscription':
        if (args.length) entries.push(['subscriptionId', ev(`[${args[0]}]`)]);
        break;
      case 'managementGroup':
        if (args.length) entries.push(['scope', ev(`[${call('format', quote('Microsoft.Management/managementGroups/{0}'), args[0])}]`)]);
        break;
      case 'tenant':
        entries.push(['scope', ev('/')]);
        break;
    }
  } else if (scopeExpr) {
    const ref = resolveResourceRef(scopeExpr, scope);
    if (ref) entries.push(['scope', ev(`[${refIdArm(ref, scope)}]`, unit.span(scopeExpr))]);
  }
  const params: [string, Emitted][] = [];
  const paramsNode = propertyOf(body, 'params');
  if (paramsNode?.kind === 'object') {
    for (const item of paramsNode.items) {
      if (item.kind !== 'object-property') continue;
      const key = propertyKeyName(item.key);
      if (key === undefined) continue;
      params.push([key, moduleParameter(item.value, scope)]);
    }
  }
  const path = decl.path.kind === 'error' ? '' : decl.path.parts.join('');
  const mod = host.moduleTemplate(unit, decl, path);
  const properties: [string, Emitted][] = [
    ['expressionEvaluationOptions', eo([['scope', ev('inner')]])],
    ['mode', ev('Incremental')],
    ['parameters', eo(params)],
  ];
  if (mod.kind === 'template') {
    properties.push(['template', mod.template]);
    checkModuleCall(unit, decl, body, mod.template);
  }
  else properties.push(['templateLink', eo([['uri', ev(mod.reference)], ['azreadyUnavailable', ev(mod.reason)]], unit.span(decl.path))]);
  entries.push(['properties', eo(properties)]);
  return eo(entries, unit.span(decl));
}

/** `kv.getSecret('name')` passes a Key Vault reference; anything else a value. */
function moduleParameter(value: import('../syntax/nodes.js').Expression, scope: Scope): Emitted {
  if (value.kind === 'call' && value.name.name === 'getSecret' && value.base) {
    const span = scope.unit.span(value);
    const vault = scope.unit.resourceRefId(value.base, scope);
    if (vault !== undefined) {
      return eo([['reference', eo([['keyVault', eo([['id', ev(`[${vault}]`)]])], ['secretName', toJson(value.arguments[0] ?? value, scope)]])]], span);
    }
  }
  const json = toJson(value, scope);
  // The wrapper has the value's range: toJson computed it already, unless it looked inside parentheses.
  return eo([['value', json]], value.kind === 'parenthesized' ? scope.unit.span(value) : json.span);
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
