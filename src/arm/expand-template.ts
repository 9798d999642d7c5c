// Expands an ARM deployment template into the resources it deploys: parameters, variables,
// conditions, copy loops and nested child resources, each resource with its source map.
import { diagnostic, type Diagnostic } from '../core/diagnostic.js';
import { Unknown, isUnknown, type Value } from '../core/unknown.js';
import { canonicalType } from '../model/canonical-type.js';
import type { Origin, Resource } from '../model/resource.js';
import { SourceMap } from '../model/source-map.js';
import { DEFAULT_DEPLOYMENT, resourceIdAt, scopeFromSchema, scopePrefix, type DeploymentContext } from './deployment-context.js';
import { member, members, type JsonDocument, type JsonNode } from './json-document.js';
import type { ParameterValues } from './parameters-file.js';
import { TemplateScope } from './template-scope.js';

export interface ExpandOptions {
  deployment?: Partial<DeploymentContext>;
  parameters?: ParameterValues;
  origin?: Origin;
}

export interface ExpandResult {
  resources: Resource[];
  diagnostics: Diagnostic[];
}

const TOP_LEVEL_FIELDS = ['location', 'sku', 'kind', 'identity', 'tags', 'zones', 'plan', 'properties'] as const;

export function isTemplateDocument(root: unknown): boolean {
  if (!root || typeof root !== 'object') return false;
  const schema = (root as Record<string, unknown>).$schema;
  return typeof schema === 'string' && /deploymentTemplate\.json/i.test(schema);
}

export function expandTemplate(doc: JsonDocument, options: ExpandOptions = {}): ExpandResult {
  const schema = String(member(doc.root, '$schema')?.value ?? '');
  const deployment: DeploymentContext = { ...DEFAULT_DEPLOYMENT, scope: scopeFromSchema(schema), ...options.deployment };
  const scope = new TemplateScope(doc, deployment, options.parameters ?? new Map());
  const expander = new Expander(doc, scope, options.origin ?? 'arm');
  const resourcesNode = member(doc.root, 'resources');
  if (resourcesNode?.type === 'array') {
    for (const r of resourcesNode.children ?? []) expander.resource(r);
  } else if (resourcesNode?.type === 'object') {
    for (const [, r] of members(resourcesNode)) expander.resource(r);
  }
  return { resources: expander.resources, diagnostics: scope.diagnostics };
}

interface ParentInfo {
  type: string;
  name: string;
}

class Expander {
  readonly resources: Resource[] = [];

  constructor(
    private readonly doc: JsonDocument,
    private readonly scope: TemplateScope,
    private readonly origin: Origin,
  ) {}

  resource(node: JsonNode, parent?: ParentInfo): void {
    const copy = member(node, 'copy');
    if (!copy) {
      this.instance(node, parent);
      return;
    }
    const count = this.scope.copyCount(copy);
    if (count instanceof Unknown) {
      this.scope.diagnostics.push(diagnostic('arm/copy-count-unknown', 'warning', `the number of copies is unknown (${count.reason}); the loop's resources are not evaluated`, this.doc.rangeOf(copy)));
      return;
    }
    const name = String(member(copy, 'name')?.value ?? '');
    for (let i = 0; i < count; i++) this.scope.withLoop(name, i, () => this.instance(node, parent));
  }

  private instance(node: JsonNode, parent?: ParentInfo): void {
    const conditionNode = member(node, 'condition');
    if (conditionNode) {
      const condition = this.scope.evaluate(conditionNode);
      if (condition === false) return;
      if (isUnknown(condition)) {
        this.scope.diagnostics.push(diagnostic('arm/condition-unknown', 'info', `whether this resource is deployed is unknown (${condition.reason}); it is evaluated as if it were`, this.doc.rangeOf(conditionNode)));
      }
    }
    if (member(node, 'existing')?.value === true) return;

    let type = this.scope.evaluate(member(node, 'type'));
    let name = this.scope.evaluate(member(node, 'name'));
    if (typeof type !== 'string') {
      this.scope.diagnostics.push(diagnostic('arm/resource-type-missing', 'error', 'the resource has no literal "type"; give it one such as "Microsoft.Storage/storageAccounts"', this.doc.rangeOf(node)));
      return;
    }
    const nameText = typeof name === 'string' ? name : String(member(node, 'name')?.value ?? '');
    if (parent && !type.includes('.')) {
      type = `${parent.type}/${type}`;
      name = `${parent.name}/${nameText}`;
    }
    const fullName = typeof name === 'string' ? name : nameText;
    if (type.toLowerCase() === 'microsoft.resources/deployments') {
      this.scope.diagnostics.push(diagnostic('arm/nested-deployment', 'info', `the nested deployment '${fullName}' is not expanded yet; its resources are not evaluated`, this.doc.rangeOf(node)));
      return;
    }

    const sourceMap = new SourceMap();
    sourceMap.set('', this.doc.rangeOf(node));
    const secretPaths: string[] = [];
    const { resourceType, resourceName, scopeId } = this.placement(node, type, fullName);
    const resource: Resource = {
      id: '',
      type: canonicalType(resourceType),
      name: resourceName,
      dependsOn: [],
      origin: this.origin,
      file: this.doc.file,
      sourceMap,
      secretPaths,
    };
    const apiVersion = member(node, 'apiVersion')?.value;
    if (typeof apiVersion === 'string') resource.apiVersion = apiVersion;
    for (const field of TOP_LEVEL_FIELDS) {
      const f = member(node, field);
      if (f) (resource as unknown as Record<string, Value>)[field] = this.scope.evaluate(f, sourceMap, field, secretPaths);
    }
    if (scopeId !== undefined) resource.scope = scopeId;
    resource.id = typeof resource.scope === 'string'
      ? `${resource.scope}/providers/${resourceType}/${resourceName}`
      : isUnknown(resource.scope)
        ? `${scopePrefix(this.scope.deployment)}/{unknown scope}/providers/${resourceType}/${resourceName}`
        : resourceIdAt(scopePrefix(this.scope.deployment), resourceType, resourceName);
    const dependsOn = this.scope.evaluate(member(node, 'dependsOn'));
    if (Array.isArray(dependsOn)) resource.dependsOn = dependsOn.filter((d): d is string => typeof d === 'string');
    this.resources.push(resource);

    const children = member(node, 'resources');
    for (const child of children?.children ?? []) this.resource(child, { type, name: resourceName });
  }

  /**
   * Extension resources: either a `scope` member, or the older `<type>/providers/<extType>` form
   * with a `<name>/<Namespace>/<extName>` name. Both become type + name + scope id.
   */
  private placement(node: JsonNode, type: string, name: string): { resourceType: string; resourceName: string; scopeId?: string | Unknown } {
    const scopeNode = member(node, 'scope');
    if (scopeNode) {
      const s = this.scope.evaluate(scopeNode);
      let scopeId: string | Unknown;
      if (isUnknown(s)) scopeId = s;
      else if (typeof s !== 'string') scopeId = new Unknown('the scope is not a resource id');
      else scopeId = s.startsWith('/') ? s : `${scopePrefix(this.scope.deployment)}/providers/${s}`;
      return { resourceType: type, resourceName: name, scopeId };
    }
    const t = type.split('/');
    const pi = t.findIndex((x) => x.toLowerCase() === 'providers');
    if (pi > 1) {
      const baseType = t.slice(0, pi).join('/');
      const n = name.split('/');
      const baseNames = n.slice(0, pi - 1);
      const extNs = n[pi - 1] ?? '';
      const extType = `${extNs}/${t.slice(pi + 1).join('/')}`;
      return {
        resourceType: extType,
        resourceName: n.slice(pi).join('/'),
        scopeId: resourceIdAt(scopePrefix(this.scope.deployment), baseType, baseNames.join('/')),
      };
    }
    return { resourceType: type, resourceName: name };
  }
}
