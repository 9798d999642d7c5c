// Expands an ARM deployment template into the resources it deploys: parameters, variables,
// conditions, copy loops, nested child resources, extension resources, symbolic names
// (languageVersion 2.0), reference() of resources in the same deployment, nested deployments
// (inline or templateLink.relativePath, inner or outer scope) and outputs.
import path from 'node:path';
import { diagnostic, type Diagnostic } from '../core/diagnostic.js';
import type { SourceRange } from '../core/source-range.js';
import { Unknown, isUnknown, type Value } from '../core/unknown.js';
import { canonicalType } from '../model/canonical-type.js';
import type { Origin, Resource } from '../model/resource.js';
import { SourceMap, type SourceTargets } from '../model/source-map.js';
import { DEFAULT_DEPLOYMENT, resourceIdAt, scopeFromSchema, scopePrefix, spelledOutId, unknownNameText, type DeploymentContext } from './deployment-context.js';
import type { ExpressionNode } from './expression/ast.js';
import { EvaluationError } from './expression/eval-context.js';
import type { TemplateFunction } from './expression/functions/function-def.js';
import { member, memberCount, memberKeyAt, memberValueAt, type JsonDocument, type JsonNode } from './json-document.js';
import { extensionResource, extensionResourceId } from './extension-resource.js';
import { expandNestedDeployment } from './nested-deployment.js';
import { childIdCallParts, idCallParts, relativeScopeParts, sameChildNameExpression, sameNameExpression } from './reference-by-expression.js';
import { isExpression, parseBracketed } from './expression/parse-expression.js';
import { compileBracketed } from './expression/compile-expression.js';
import { canonicalExpressionText, dereferencedExpressionText } from './expression/expression-text.js';
import type { ParameterValues } from './parameters-file.js';
import { sameIgnoringCase } from './same-ignoring-case.js';
import { TemplateScope, plainPathMembers } from './template-scope.js';

export interface ExpandOptions {
  deployment?: Partial<DeploymentContext>;
  parameters?: ParameterValues;
  origin?: Origin;
  /** Folder that `templateLink.relativePath` is relative to (default: the template's folder). */
  baseDir?: string;
}

export interface ExpandResult {
  resources: Resource[];
  diagnostics: Diagnostic[];
  outputs: Record<string, Value>;
}

/** Everything one expansion shares with the nested deployments inside it. */
export interface ExpansionRun {
  origin: Origin;
  diagnostics: Diagnostic[];
  /**
   * Files of templateLink chains, to stop a template that links to itself; each is compared once
   * resolved (resolving them is left to the few templates that link others).
   */
  fileStack: string[];
  depth: number;
  /**
   * Where the resources of this (nested) deployment go, when it differs from the context its
   * expressions are evaluated in: an outer-scope nested deployment into another resource group.
   */
  target?: DeploymentContext;
}

const TOP_LEVEL_FIELDS = ['location', 'sku', 'kind', 'identity', 'tags', 'zones', 'plan', 'properties'] as const;
/** Whether `type` is Microsoft.Resources/deployments (in any case), without lower-casing it. */
function isDeploymentType(type: string): boolean {
  return type.length === 31 && /^microsoft\.resources\/deployments$/i.test(type);
}

export function isTemplateDocument(root: unknown): boolean {
  if (!root || typeof root !== 'object') return false;
  const schema = (root as Record<string, unknown>).$schema;
  return typeof schema === 'string' && /deploymentTemplate\.json/i.test(schema);
}

export function expandTemplate(doc: JsonDocument, options: ExpandOptions = {}): ExpandResult {
  const schema = String(member(doc.root, '$schema')?.value ?? '');
  const deployment: DeploymentContext = { ...DEFAULT_DEPLOYMENT, scope: scopeFromSchema(schema), ...options.deployment };
  // Every field from the start (absent ones undefined): runs keep one object layout, which the
  // reads of them all along the expansion depend on.
  const run: ExpansionRun = { origin: options.origin ?? 'arm', diagnostics: [], fileStack: [doc.file], depth: 0, target: undefined };
  const scope = new TemplateScope(doc, doc.root, deployment, options.parameters ?? new Map(), run.diagnostics);
  const out = expandWithScope(doc, doc.root, scope, run, options.baseDir ?? path.dirname(doc.file));
  return { ...out, diagnostics: run.diagnostics };
}

/** Expands the resources and outputs of `template` evaluated in `scope`. */
export function expandWithScope(doc: JsonDocument, template: JsonNode | undefined, scope: TemplateScope, run: ExpansionRun, baseDir: string): { resources: Resource[]; outputs: Record<string, Value> } {
  scope.checkParameters();
  const expander = new Expander(doc, scope, run, baseDir);
  const previousHost = scope.host;
  scope.host = expander;
  try {
    const resourcesNode = member(template, 'resources');
    if (resourcesNode?.type === 'array') for (const r of resourcesNode.children ?? []) expander.collect(r);
    else if (resourcesNode?.type === 'object') {
      const count = memberCount(resourcesNode);
      for (let i = 0; i < count; i++) {
        const symbolic = memberKeyAt(resourcesNode, i);
        if (symbolic !== undefined) expander.collect(memberValueAt(resourcesNode, i), undefined, symbolic);
      }
    }
    const resources = expander.evaluateAll();
    const outputs = expander.outputs(member(template, 'outputs'));
    return { resources, outputs };
  } finally {
    scope.host = previousHost;
  }
}

interface Instance {
  node: JsonNode;
  symbolic?: string;
  loops: ReturnType<TemplateScope['snapshotLoops']>;
  type: string;
  name: string;
  id: string;
  scopeId?: string | Unknown;
  existing: boolean;
  deployment: boolean;
  /** Its iteration of the resource's own copy loop: `reference('nsgs[2]')` names it. */
  copyIndex: number | undefined;
  /** The version a non-Azure extension resource's type carries (`@v1.0`). */
  apiVersion?: string;
  /** An extension resource's key that was unknown in pass 1: evaluated again once all are known. */
  laterName?: JsonNode;
  /**
   * An extension resource whose scope is unknown in pass 1 (`scope: keyVault` where the vault's name
   * is only known at deployment): matched to a resource of this template by its id expression.
   */
  laterScope?: JsonNode;
  /** Evaluated lazily: reference() may need it before its turn. */
  resource?: Resource;
  nested?: { resources: Resource[]; outputs: Record<string, Value> };
  /** A nested deployment whose template could not be read: its outputs are unknown. */
  unavailable?: boolean;
  /** Why it may not be deployed at all: its condition is unknown. */
  deployedIf: string | undefined;
  evaluating?: boolean;
  /** What reference() returns once the instance is evaluated, without and with 'Full'. */
  reference?: Value;
  fullReference?: Value;
}

class Expander {
  private readonly instances: Instance[] = [];
  private readonly symbols = new Map<string, Instance[]>();
  /** reference() is asked for by every call of every expression: one object per template. */
  private referenceFunction?: TemplateFunction;
  private prefix?: string;
  /** Resolves the source-map entries of this template's resources when they are read. */
  private sourceTargets?: SourceTargets;

  constructor(
    private readonly doc: JsonDocument,
    private readonly scope: TemplateScope,
    private readonly run: ExpansionRun,
    private readonly baseDir: string,
  ) {}

  /** The id prefix of the scope resources deploy to, the same for every resource of this template. */
  private scopePrefix(): string {
    return (this.prefix ??= scopePrefix(this.run.target ?? this.scope.deployment));
  }

  /** Pass 1: which resources exist, with their identity (type, name, id) and loop context. */
  collect(node: JsonNode, parent?: Instance, symbolic?: string): void {
    if (symbolic) this.symbols.set(symbolic.toLowerCase(), []);
    const copy = member(node, 'copy');
    if (!copy) {
      this.identify(node, parent, symbolic);
      return;
    }
    const count = this.scope.copyCount(copy);
    if (count instanceof Unknown) {
      this.run.diagnostics.push(diagnostic('arm/copy-count-unknown', 'warning', `the number of copies is unknown (${count.reason}); the loop's resources are not evaluated`, this.doc.rangeOf(copy)));
      return;
    }
    this.identifyCopies(node, copy, count, parent, symbolic);
  }

  /** Apart from collect(): its closure would make every call of collect() allocate a context. */
  private identifyCopies(node: JsonNode, copy: JsonNode, count: number, parent: Instance | undefined, symbolic: string | undefined): void {
    const name = String(this.scope.evaluate(member(copy, 'name')) ?? '');
    for (let i = 0; i < count; i++) this.scope.withLoop(name, i, 'resource', () => this.identify(node, parent, symbolic, i));
  }

  private identify(node: JsonNode, parent: Instance | undefined, symbolic: string | undefined, copyIndex?: number): void {
    const conditionNode = member(node, 'condition');
    let deployedIf: string | undefined;
    if (conditionNode) {
      const condition = this.scope.evaluate(conditionNode);
      if (condition === false) return;
      if (isUnknown(condition)) {
        this.run.diagnostics.push(diagnostic('arm/condition-unknown', 'info', `whether this resource is deployed is unknown (${condition.reason}); it is evaluated as if it were`, this.doc.rangeOf(conditionNode)));
        deployedIf = `whether it is deployed is unknown (${condition.reason})`;
      }
    }
    const typeValue = this.scope.evaluate(member(node, 'type'));
    if (typeof typeValue !== 'string') {
      this.run.diagnostics.push(diagnostic('arm/resource-type-missing', 'error', 'the resource has no "type"; give it one such as "Microsoft.Storage/storageAccounts"', this.doc.rangeOf(node)));
      return;
    }
    // A non-Azure extension resource is named by its extension's key, else by its symbol.
    const ext = parent ? undefined : extensionResource(node, typeValue);
    const nameNode = ext ? ext.nameNode : member(node, 'name');
    const nameValue = ext && !nameNode ? (symbolic ?? ext.type) : this.scope.evaluate(nameNode);
    let name = typeof nameValue === 'string' ? nameValue : (isUnknown(nameValue) && typeValue.includes('.') && this.segmentedName(nameNode, slashCount(typeValue))) || `{${isUnknown(nameValue) ? 'unknown name' : 'invalid name'}: ${this.nameText(nameNode)}}`;
    let type = ext ? ext.type : typeValue;
    if (parent && !type.includes('.')) {
      type = `${parent.type}/${type}`;
      name = `${parent.name}/${name}`;
    }
    const placed = this.placement(node, type, name);
    const prefix = this.scopePrefix();
    const id = ext ? extensionResourceId(type, name) : placed.tenant ? resourceIdAt('', placed.type, placed.name) : typeof placed.scopeId === 'string'
      ? scopedId(placed.scopeId, placed.type, placed.name)
      : isUnknown(placed.scopeId)
        ? `${prefix}/{unknown scope}/providers/${placed.type}/${placed.name}`
        : resourceIdAt(prefix, placed.type, placed.name);
    // Every field from the start: one object layout, no property store to grow as they are set.
    const inst: Instance = {
      node,
      symbolic,
      loops: this.scope.snapshotLoops(),
      type: placed.type,
      name: placed.name,
      id,
      scopeId: placed.scopeId,
      existing: member(node, 'existing')?.value === true,
      deployment: isDeploymentType(placed.type),
      copyIndex,
      apiVersion: ext?.apiVersion || undefined,
      // An extension's key may read a resource declared later (`reference('app').uniqueName`).
      laterName: ext && nameNode && isUnknown(nameValue) ? nameNode : undefined,
      laterScope: isUnknown(placed.scopeId) ? member(node, 'scope') : undefined,
      resource: undefined,
      nested: undefined,
      unavailable: undefined,
      deployedIf,
      evaluating: undefined,
      reference: undefined,
      fullReference: undefined,
    };
    this.instances.push(inst);
    if (symbolic) this.symbols.get(symbolic.toLowerCase())?.push(inst);
    for (const child of member(node, 'resources')?.children ?? []) this.collect(child, inst);
  }

  /**
   * An unknown child name built segment by segment (`format('{0}/{1}', parameters('account'),
   * 'default')`): each segment known or unknown on its own, so that the child's id continues its
   * parent's (`…/storageAccounts/{unknown name: parameters('account')}/blobServices/default`) and
   * relations between them hold. Undefined for any other name.
   */
  private segmentedName(nameNode: JsonNode | undefined, segments: number): string | undefined {
    let raw = nameNode?.value;
    if (typeof raw !== 'string' || !isExpression(raw)) return undefined;
    // `name: groupName` where `var groupName = '${peName}/default'`: the variable's expression.
    const variable = /^\[variables\('([^']+)'\)\]$/.exec(raw);
    if (variable) raw = this.scope.variableExpression(variable[1]);
    if (typeof raw !== 'string') return undefined;
    const plan = nameSegmentPlan(raw);
    if (!plan || plan.length !== segments) return undefined;
    const parts: string[] = [];
    for (const segment of plan) {
      const compiled = segment.compiled;
      let value: Value;
      try {
        value = compiled.ok ? compiled.run(this.scope) : new Unknown('invalid');
      } catch {
        return undefined;
      }
      if (typeof value === 'string' && !value.includes('/')) parts.push(value);
      else if (isUnknown(value)) parts.push(`{unknown name: ${unknownNameText(dereferencedExpressionText(segment.text, this.scope))}}`);
      else return undefined;
    }
    return parts.join('/');
  }

  /** An unknown name as its id spells it (see dereferencedExpressionText). */
  private nameText(nameNode: JsonNode | undefined): string {
    const raw = nameNode?.value;
    if (typeof raw === 'string' && isExpression(raw)) return unknownNameText(dereferencedExpressionText(raw.slice(1, -1), this.scope));
    return nameTextOf(nameNode);
  }

  private makeSourceTargets(): SourceTargets {
    return { range: (node: object): SourceRange => this.doc.rangeOf(node as JsonNode), members: plainPathMembers };
  }

  /** Pass 2: evaluate every instance (in declaration order) and expand nested deployments. */
  evaluateAll(): Resource[] {
    for (const inst of this.instances) if (inst.laterName) this.nameAgain(inst, inst.laterName);
    for (const inst of this.instances) if (inst.laterScope) this.scopeAgain(inst, inst.laterScope);
    const out: Resource[] = [];
    for (const inst of this.instances) {
      if (inst.existing) continue;
      this.ensure(inst);
      if (inst.nested) {
        for (const r of inst.nested.resources) {
          // What a module deploys is as uncertain as the module itself.
          if (inst.deployedIf !== undefined) r.deployedIf ??= inst.deployedIf;
          out.push(r);
        }
      } else if (inst.resource) {
        if (inst.deployedIf !== undefined) inst.resource.deployedIf = inst.deployedIf;
        out.push(inst.resource);
      }
    }
    return out;
  }

  /**
   * A scope written as an id call whose name is unknown (`resourceId('Microsoft.KeyVault/vaults',
   * format('kv-{0}', parameters('baseName')))`, or the relative `format('Microsoft.KeyVault/vaults/{0}',
   * …)` classic Bicep output writes) is the resource of this template whose name is the
   * very same expression: the extension resource gets that resource's id as its scope, so relations
   * (diagnostic settings, locks) find it.
   */
  private scopeAgain(inst: Instance, scopeNode: JsonNode): void {
    const text = scopeNode.value;
    if (typeof text !== 'string' || !isExpression(text)) return;
    const parsed = parseBracketed(text);
    const target = parsed.ok ? this.findByNameExpression(parsed.node, true) : undefined;
    // An `existing` target is not among the resources either way (and classic templates do not
    // list it): only a deployed one gives the extension something to relate to.
    if (!target || target === inst || target.existing || isUnknown(target.scopeId)) return;
    inst.scopeId = target.id;
    inst.id = scopedId(target.id, inst.type, inst.name);
  }

  private nameAgain(inst: Instance, nameNode: JsonNode): void {
    const name = this.scope.withLoops(inst.loops, () => this.scope.evaluate(nameNode));
    if (typeof name !== 'string') return;
    inst.name = name;
    inst.id = extensionResourceId(inst.type, name);
  }

  private ensure(inst: Instance): void {
    if (inst.resource || inst.nested || inst.unavailable || inst.evaluating) return;
    inst.evaluating = true;
    // Loops swapped in place, not through withLoops(): no closure for every instance.
    const saved = this.scope.swapLoops(inst.loops);
    try {
      if (inst.deployment) {
        const nested = expandNestedDeployment(this.doc, inst.node, inst.name, this.scope, this.run, this.baseDir, this);
        if (nested) inst.nested = nested;
        else inst.unavailable = true;
      } else inst.resource = this.evaluateResource(inst);
    } finally {
      this.scope.swapLoops(saved);
      inst.evaluating = false;
    }
  }

  private evaluateResource(inst: Instance): Resource {
    const node = inst.node;
    const sourceMap = new SourceMap((this.sourceTargets ??= this.makeSourceTargets()));
    sourceMap.setLazy('', node);
    const secretPaths: string[] = [];
    const resource: Resource = {
      id: inst.id,
      type: canonicalType(inst.type),
      name: inst.name,
      dependsOn: [],
      origin: this.run.origin,
      file: this.doc.file,
      sourceMap,
      secretPaths,
    };
    // Hand-written templates sometimes keep API versions in variables: "[variables('api').nsg]".
    const apiNode = member(node, 'apiVersion');
    const apiVersion = inst.apiVersion ?? (typeof apiNode?.value === 'string' && apiNode.value.startsWith('[') ? this.scope.evaluate(apiNode) : apiNode?.value);
    if (typeof apiVersion === 'string') resource.apiVersion = apiVersion;
    for (const field of TOP_LEVEL_FIELDS) {
      const f = member(node, field);
      if (f) (resource as unknown as Record<string, Value>)[field] = this.scope.evaluateMapped(f, sourceMap, field, secretPaths);
    }
    if (inst.scopeId !== undefined) resource.scope = inst.scopeId;
    const dependsOn = this.scope.evaluate(member(node, 'dependsOn'));
    if (Array.isArray(dependsOn)) resource.dependsOn = dependsOn.filter((d): d is string => typeof d === 'string');
    return resource;
  }

  /**
   * Extension resources: either a `scope` member, or the older `<type>/providers/<extType>` form
   * with a `<name>/<Namespace>/<extName>` name. Both become type + name + scope id.
   */
  private placement(node: JsonNode, type: string, name: string): { type: string; name: string; scopeId?: string | Unknown; tenant?: boolean } {
    const scopeNode = member(node, 'scope');
    if (scopeNode && !isDeploymentType(type)) {
      const s = this.scope.evaluate(scopeNode);
      // "/" deploys the resource at the tenant (a management group from a management group template).
      if (s === '/') return { type, name, tenant: true };
      let scopeId: string | Unknown;
      if (isUnknown(s)) scopeId = spelledOutId(s) ?? s;
      else if (typeof s !== 'string') scopeId = new Unknown('the scope is not a resource id');
      else if (s.startsWith('/')) scopeId = s;
      else {
        const target = this.symbols.get(s.toLowerCase())?.[0];
        scopeId = target ? target.id : `${this.scopePrefix()}/providers/${s}`;
      }
      return { type, name, scopeId };
    }
    // Only a type with a `providers` segment can be of the older extension form.
    if (!/\/providers/i.test(type)) return { type, name };
    const t = type.split('/');
    const pi = t.findIndex((x) => x.toLowerCase() === 'providers');
    if (pi > 1) {
      const baseType = t.slice(0, pi).join('/');
      const n = name.split('/');
      if (n.length <= pi) {
        // An unknown name hides the extension's namespace and its target; the name's expression
        // usually spells the namespace ('/Microsoft.Authorization/').
        const ns = /\/([A-Za-z0-9]+\.[A-Za-z0-9.]+)\//.exec(String(member(node, 'name')?.value ?? ''))?.[1];
        return { type: ns ? `${ns}/${t.slice(pi + 1).join('/')}` : type, name, scopeId: new Unknown(`the target of this extension resource comes from its name, which is unknown`) };
      }
      const baseNames = n.slice(0, pi - 1);
      const extType = `${n[pi - 1] ?? ''}/${t.slice(pi + 1).join('/')}`;
      return { type: extType, name: n.slice(pi).join('/'), scopeId: resourceIdAt(this.scopePrefix(), baseType, baseNames.join('/')) };
    }
    return { type, name };
  }

  /** The location this template gives a resource group it declares, when it is known. */
  resourceGroupLocation(name: string): string | undefined {
    const inst = this.instances.find((i) => !i.existing && sameIgnoringCase(i.type, 'Microsoft.Resources/resourceGroups') && sameIgnoringCase(i.name, name));
    if (!inst) return undefined;
    this.ensure(inst);
    const location = inst.resource?.location;
    return typeof location === 'string' ? location : undefined;
  }

  /** reference(), references() and resourceInfo() over the resources of this deployment. */
  localFunction(name: string): TemplateFunction | undefined {
    // No closure is made here: this runs for every call of every expression, and a function that
    // makes closures allocates their context at each call, whichever case it takes.
    switch (name) {
      case 'reference':
        return (this.referenceFunction ??= this.makeReferenceFunction());
      case 'references':
        return this.makeReferencesFunction();
      case 'resourceinfo':
        return this.makeResourceInfoFunction();
      default:
        return undefined;
    }
  }

  private makeReferenceFunction(): TemplateFunction {
    return {
      acceptsUnknown: true,
      evaluate: (args) => this.reference(args),
      evaluateNodes: (nodes, ctx, evaluate) => {
        const args = nodes.map((n) => evaluate(n, ctx));
        const byName = isUnknown(args[0]) && nodes[0] ? this.findByNameExpression(nodes[0]) : undefined;
        return byName ? this.referenceOf(byName, args[2]) : this.reference(args);
      },
    };
  }

  private makeReferencesFunction(): TemplateFunction {
    return {
      evaluate: (args) => {
        const list = typeof args[0] === 'string' ? this.symbols.get(args[0].toLowerCase()) : undefined;
        if (!list) throw new EvaluationError(`references() needs the symbolic name of a resource collection`);
        return list.map((inst) => this.referenceOf(inst, args[2]));
      },
    };
  }

  private makeResourceInfoFunction(): TemplateFunction {
    return {
      evaluate: (args) => {
        const inst = typeof args[0] === 'string' ? this.find(args[0]) : undefined;
        if (!inst) throw new EvaluationError(`resourceInfo() needs the symbolic name of a resource in this template`);
        return { id: inst.id, name: inst.name, type: inst.type, apiVersion: inst.apiVersion ?? String(member(inst.node, 'apiVersion')?.value ?? '') };
      },
    };
  }


  private reference(args: Value[]): Value {
    const target = args[0];
    if (isUnknown(target)) return target;
    if (typeof target !== 'string') throw new EvaluationError('reference() needs a resource id, name or symbolic name');
    const inst = this.find(target);
    if (!inst) return new Unknown(`reference('${target}') reads a resource that is not deployed by this template`, 'reference');
    return this.referenceOf(inst, args[2]);
  }

  private referenceOf(inst: Instance, mode: Value | undefined): Value {
    const full = typeof mode === 'string' && mode.toLowerCase() === 'full';
    if (inst.existing) return new Unknown(`the existing resource '${inst.name}' is read from Azure at deployment`, 'reference', full ? identityOf(inst) : undefined);
    this.ensure(inst);
    if (inst.unavailable) return new Unknown(`the outputs of '${inst.name}' are unknown: its template is not available`, 'reference');
    if (inst.evaluating && !inst.resource && !inst.nested) return new Unknown(`reference('${inst.name}') refers back to the resource being evaluated`, 'reference');
    // The instance is evaluated for good: its reference is the same at every read (a module's
    // outputs are read once per output, a resource's properties once per use).
    const cached = full ? inst.fullReference : inst.reference;
    if (cached !== undefined) return cached;
    const value = this.referenceValue(inst, full);
    if (full) inst.fullReference = value;
    else inst.reference = value;
    return value;
  }

  private referenceValue(inst: Instance, full: boolean): Value {
    const identity = identityOf(inst);
    const reason = `reference('${inst.symbolic ?? inst.name}') includes values Azure sets at deployment`;
    if (inst.nested) {
      const outputs = mapValues(inst.nested.outputs, (v) => ({ type: typeOf(v), value: v }));
      const props = new Unknown(reason, 'reference', { outputs });
      return full ? new Unknown(reason, 'reference', { ...identity, properties: props }) : props;
    }
    const r = inst.resource!;
    const props = partial(r.properties ?? null, reason);
    if (!full) return props;
    const known: Record<string, Value> = { ...identity, properties: props };
    // Azure adds members to identity (principalId, tenantId) and sku (tier…): only the declared ones are known.
    for (const f of ['location', 'sku', 'kind', 'tags', 'identity', 'zones'] as const) if (r[f] !== undefined) known[f] = f === 'identity' || f === 'sku' ? partial(r[f] as Value, reason) : (r[f] as Value);
    if (r.apiVersion) known.apiVersion = r.apiVersion;
    return new Unknown(reason, 'reference', known);
  }

  /** The one resource of this template whose name is the expression a resource id call names. */
  private findByNameExpression(node: ExpressionNode, relative = false): Instance | undefined {
    const parts = idCallParts(node);
    if (!parts) {
      // For a scope: a child (`blobServices` of an account named by an expression), or the
      // relative form classic Bicep output writes (`format('Ns/type/{0}', …)`).
      const child = relative ? (childIdCallParts(node) ?? relativeScopeParts(node)) : undefined;
      if (!child) return undefined;
      if (child.names.length === 1) {
        const hits = this.instances.filter((i) => sameIgnoringCase(i.type, child.type) && sameNameExpression(member(i.node, 'name'), child.names[0]));
        return hits.length === 1 ? hits[0] : undefined;
      }
      const hits = this.instances.filter((i) => sameIgnoringCase(i.type, child.type) && sameChildNameExpression(member(i.node, 'name'), child.names));
      return hits.length === 1 ? hits[0] : undefined;
    }
    const hits = this.instances.filter((i) => sameIgnoringCase(i.type, parts.type) && sameNameExpression(member(i.node, 'name'), parts.name));
    return hits.length === 1 ? hits[0] : undefined;
  }

  /** A resource of this template by symbolic name, id, or (full or last-segment) name. */
  private find(target: string): Instance | undefined {
    const key = target.toLowerCase();
    const sym = this.symbols.get(key);
    if (sym?.length === 1) return sym[0];
    // One copy of a looped resource or module by symbolic name and index: `reference('nsgs[2]')`.
    const indexed = key.endsWith(']') ? /^(.+)\[(\d+)\]$/.exec(key) : null;
    if (indexed) {
      const copies = this.symbols.get(indexed[1]);
      if (copies) return copies.find((inst) => inst.copyIndex === Number(indexed[2]));
    }
    if (key.startsWith('/')) {
      const exact = this.instances.find((i) => i.id.toLowerCase() === key);
      if (exact) return exact;
      // A deployment into another resource group or subscription (its resourceGroup or
      // subscriptionId members) is read by an id at that scope: match it by its name.
      const deployment = /\/providers\/microsoft\.resources\/deployments\/([^/]+)$/.exec(key);
      const hits = deployment ? this.instances.filter((i) => i.deployment && i.name.toLowerCase() === deployment[1]) : [];
      return hits.length === 1 ? hits[0] : undefined;
    }
    return this.instances.find((i) => i.name.toLowerCase() === key) ?? this.instances.find((i) => i.name.split('/').pop()!.toLowerCase() === key);
  }

  /** Template outputs, copy loops included. */
  outputs(node: JsonNode | undefined): Record<string, Value> {
    const out: Record<string, Value> = {};
    const count = memberCount(node);
    for (let i = 0; i < count; i++) {
      const name = memberKeyAt(node!, i);
      if (name === undefined) continue;
      const decl = memberValueAt(node!, i);
      const condition = member(decl, 'condition');
      if (condition && this.scope.evaluate(condition) === false) continue;
      const copy = member(decl, 'copy');
      out[name] = copy ? this.scope.copyArray(copy, 'output') : this.scope.evaluate(member(decl, 'value'));
    }
    return out;
  }
}

function identityOf(inst: Instance): Record<string, Value> {
  return { id: inst.id, name: inst.name, type: inst.type };
}

/**
 * The id of an extension resource at `scopeId`; a child of one (`Ns/a/b` named `x/y`) nests its
 * segments as ARM does: `<scope>/providers/Ns/a/x/b/y`.
 */
function scopedId(scopeId: string, type: string, name: string): string {
  const depth = type.split('/').length - 1;
  if (depth > 1 && name.split('/').length === depth) return resourceIdAt(scopeId, type, name);
  return `${scopeId}/providers/${type}/${name}`;
}

/** How many '/' a type has: the name segments a name of it needs. */
function slashCount(type: string): number {
  let n = 0;
  for (let i = 0; i < type.length; i++) if (type.charCodeAt(i) === 47) n++;
  return n;
}

/** An unknown name keeps its expression, so that two such resources stay apart. */
function nameTextOf(nameNode: JsonNode | undefined): string {
  const raw = String(nameNode?.value ?? '');
  const start = raw.charCodeAt(0) === 91 ? 1 : 0;
  const end = raw.length > start && raw.charCodeAt(raw.length - 1) === 93 ? raw.length - 1 : raw.length;
  return unknownNameText(canonicalExpressionText(raw.slice(start, end)));
}

/**
 * The texts of the segments of a name built with `format('{0}/{1}', …)`, as expressions: nested
 * ones flattened (`format('{0}/{1}', format('{0}/{1}', a, b), c)` is a, b, c, as the official
 * compiler writes `format('{0}/{1}/{2}', a, b, c)`), literal parts quoted, a part that mixes text
 * and placeholders a format() of its own. `end` is where the node's text ends in `source`.
 */
function nameSegments(node: ExpressionNode, source: string, end: number): string[] | undefined {
  if (node.kind === 'call' && node.name.toLowerCase() === 'format' && node.args[0]?.kind === 'string' && node.args.length > 1) {
    const args = node.args;
    const pattern = (args[0] as { value: string }).value;
    const pieces = pattern.split('/');
    if (pieces.length > 1 && !/\{\{|\}\}/.test(pattern)) {
      const close = source.lastIndexOf(')', end - 1);
      const argText = (i: number): string => textBetween(source, args[i].offset, argumentEnd(args, i, close));
      const out: string[] = [];
      for (const piece of pieces) {
        const whole = /^\{(\d+)\}$/.exec(piece);
        if (whole) {
          const i = Number(whole[1]) + 1;
          if (i >= args.length) return undefined;
          const part = nameSegments(args[i], source, argumentEnd(args, i, close));
          if (!part) return undefined;
          out.push(...part);
          continue;
        }
        const used: number[] = [];
        const renumbered = piece.replace(/\{(\d+)\}/g, (_m, n: string) => {
          used.push(Number(n) + 1);
          return `{${used.length - 1}}`;
        });
        if (used.some((i) => i >= args.length)) return undefined;
        out.push(used.length ? `format(${quoteArm(renumbered)}, ${used.map(argText).join(', ')})` : quoteArm(piece));
      }
      return out;
    }
  }
  if (node.kind === 'call' && node.name.toLowerCase() === 'concat' && node.args.some((a) => a.kind === 'string' && a.value.includes('/'))) {
    // concat(parentName, '/default'): literal parts split at their slashes.
    const args = node.args;
    const close = source.lastIndexOf(')', end - 1);
    const out: string[] = [];
    let current: string[] = [];
    const flush = () => {
      if (current.length) out.push(current.length === 1 ? current[0] : `concat(${current.join(', ')})`);
      current = [];
    };
    for (let i = 0; i < args.length; i++) {
      const a = args[i];
      if (a.kind === 'string') {
        const pieces = a.value.split('/');
        pieces.forEach((piece, j) => {
          if (j > 0) flush();
          if (piece) current.push(quoteArm(piece));
        });
      } else current.push(textBetween(source, a.offset, argumentEnd(args, i, close)));
    }
    flush();
    return out.length > 1 ? out : undefined;
  }
  const text = textBetween(source, node.offset, end);
  return text ? [text] : undefined;
}

/** One segment of a name built with format() or concat(): its expression text, compiled. */
interface NameSegment {
  text: string;
  compiled: ReturnType<typeof compileBracketed>;
}

const segmentPlans = new Map<string, NameSegment[] | null>();

/**
 * The segments of the name expression `raw` (nameSegments), each compiled, or undefined when it is
 * not built that way; remembered by text, as every resource of a loop or a module's every instance
 * with an unknown name asks again.
 */
function nameSegmentPlan(raw: string): readonly NameSegment[] | undefined {
  let plan = segmentPlans.get(raw);
  if (plan === undefined) {
    plan = null;
    const parsed = /^\[(format|concat)\(/i.test(raw) ? parseBracketed(raw) : undefined;
    if (parsed?.ok) {
      const inner = raw.slice(1, -1);
      const texts = nameSegments(parsed.node, inner, inner.length);
      if (texts) plan = texts.map((text) => ({ text, compiled: compileBracketed(`[${text}]`) }));
    }
    if (segmentPlans.size > 50_000) segmentPlans.clear();
    segmentPlans.set(raw, plan);
  }
  return plan ?? undefined;
}
/** Where argument `i` of a call ends: at the next argument, or at the call's closing parenthesis. */
function argumentEnd(args: ExpressionNode[], i: number, close: number): number {
  return i + 1 < args.length ? args[i + 1].offset : close;
}

/** The expression text between two offsets, without the separating comma. */
function textBetween(source: string, start: number, end: number): string {
  return source.slice(start, end).replace(/\s*,\s*$/, '').trim();
}

/** A string as an ARM expression literal. */
function quoteArm(text: string): string {
  return `'${text.replace(/'/g, "''")}'`;
}


/**
 * What `reference()` knows of a declared value: every object becomes an Unknown that knows its
 * declared members, so reading a member Azure adds at deployment (a subnet's `id`) is unknown,
 * not a failure.
 */
function partial(v: Value, reason: string): Value {
  // Loops rather than closures over `reason`: a closure would make every call, for every value,
  // allocate a context.
  if (Array.isArray(v)) {
    const out: Value[] = [];
    for (let i = 0; i < v.length; i++) out.push(partial(v[i], reason));
    return out;
  }
  if (v && typeof v === 'object' && !isUnknown(v)) {
    const known: Record<string, Value> = {};
    const o = v as Record<string, Value>;
    for (const k of Object.keys(o)) setOwn(known, k, partial(o[k], reason));
    return new Unknown(reason, 'reference', known);
  }
  if (isUnknown(v)) return v;
  return v === null ? new Unknown(reason, 'reference') : v;
}

/** `Object.fromEntries(Object.entries(o).map(([k, v]) => [k, f(v)]))` without the pairs. */
function mapValues(o: Record<string, Value>, f: (v: Value) => Value): Record<string, Value> {
  const out: Record<string, Value> = {};
  for (const k of Object.keys(o)) setOwn(out, k, f(o[k]));
  return out;
}

/** `out[k] = v` as Object.fromEntries sets it: an own property even for `__proto__`. */
function setOwn(out: Record<string, Value>, k: string, v: Value): void {
  if (k === '__proto__') Object.defineProperty(out, k, { value: v, writable: true, enumerable: true, configurable: true });
  else out[k] = v;
}

function typeOf(v: Value): string {
  if (Array.isArray(v)) return 'Array';
  if (v === null) return 'Object';
  if (typeof v === 'object') return isUnknown(v) ? 'Object' : 'Object';
  if (typeof v === 'number') return 'Int';
  if (typeof v === 'boolean') return 'Bool';
  return 'String';
}
