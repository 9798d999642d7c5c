// Nested deployments (`Microsoft.Resources/deployments`, what Bicep modules compile to): the
// inline template or a local `templateLink.relativePath`, evaluated with inner scope (its own
// parameters, passed from the outer template) or outer scope (the outer template's parameters
// and variables), at the resource group, subscription or management group it targets.
import { existsSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { diagnostic } from '../core/diagnostic.js';
import { Unknown, isUnknown, type Value } from '../core/unknown.js';
import type { Resource } from '../model/resource.js';
import { scopeFromSchema, type DeploymentContext } from './deployment-context.js';
import { expandWithScope, type ExpansionRun } from './expand-template.js';
import { evaluateExpression } from './expression/evaluate-expression.js';
import { parseBracketed } from './expression/parse-expression.js';
import { JsonDocument, hasMember, member, memberCount, memberKeyAt, memberValueAt, type JsonNode } from './json-document.js';
import type { ParameterValues } from './parameters-file.js';
import { TemplateScope } from './template-scope.js';

export const MAX_NESTING = 16;

export function expandNestedDeployment(
  doc: JsonDocument,
  node: JsonNode,
  name: string,
  outer: TemplateScope,
  run: ExpansionRun,
  baseDir: string,
  /** The template's own resource groups: a deployment into one takes its location. */
  groups?: { resourceGroupLocation(name: string): string | undefined },
): { resources: Resource[]; outputs: Record<string, Value> } | undefined {
  const empty = undefined;
  if (run.depth + 1 > MAX_NESTING) {
    run.diagnostics.push(diagnostic('arm/nesting-limit', 'error', `nested deployments go deeper than ${MAX_NESTING} levels at '${name}'`, doc.rangeOf(node)));
    return empty;
  }
  const given = computedProperties(doc, member(node, 'properties'), name, outer, run);
  if (!given) return empty;
  const { props, propsDoc } = given;
  const located = locateTemplate(propsDoc, props, name, outer, run, baseDir);
  if (!located) return empty;
  const { templateDoc, template, dir } = located;

  const inner = String(member(member(props, 'expressionEvaluationOptions'), 'scope')?.value ?? 'outer').toLowerCase() === 'inner';
  const deployment = withGroupLocation(targetContext(outer, node, template, run.target), outer.deployment, groups);
  // Outer scope (the default for inline templates): the nested template sees the outer
  // parameters and variables. A linked template always has its own, and so does an inline
  // template that declares parameters the deployment passes: the common generic role-assignment
  // template (`scope: 'Outer'`, `parameters('scope')`) deploys in Azure with the values passed.
  const own = inner || located.linked || propsDoc !== doc || (memberCount(member(template, 'parameters')) > 0 && memberCount(member(props, 'parameters')) > 0);
  // In its own scope, deployment() is the nested deployment: its name is the deployment's (a name
  // only known at deployment leaves the outer one, azready's placeholder).
  const context = own && !name.includes('{') ? { ...deployment, deploymentName: name } : deployment;
  const scope = own ? new TemplateScope(templateDoc, template, context, locateUndeclared(passedParameters(props, outer), props, template, propsDoc), run.diagnostics) : outer;
  const nestedRun: ExpansionRun = { ...run, depth: run.depth + 1, fileStack: located.linked ? [...run.fileStack, path.resolve(templateDoc.file)] : run.fileStack };
  // With outer scope, expressions see the outer deployment but the resources go to the target.
  nestedRun.target = scope === outer ? deployment : undefined;
  return expandWithScope(templateDoc, template, scope, nestedRun, dir);
}

/**
 * The deployment's `properties`, also when they are one expression (`"properties":
 * "[variables('deploymentProperties')]"`, Bicep's `properties: someVariable`): ARM evaluates it first,
 * and its value is read as a literal object whose ranges all point at the expression.
 */
function computedProperties(doc: JsonDocument, props: JsonNode | undefined, name: string, outer: TemplateScope, run: ExpansionRun): { props: JsonNode | undefined; propsDoc: JsonDocument } | undefined {
  if (props?.type !== 'string') return { props, propsDoc: doc };
  const propsDoc = evaluatedDocument(doc, props, `the properties of the nested deployment '${name}' are`, outer, run);
  return propsDoc ? { props: propsDoc.root, propsDoc } : undefined;
}

/**
 * The value of an expression that must be an object (a deployment's properties or template), as a
 * document of its own whose every range points at the expression; a warning when it is not one.
 */
function evaluatedDocument(doc: JsonDocument, node: JsonNode, what: string, outer: TemplateScope, run: ExpansionRun): JsonDocument | undefined {
  const value = outer.evaluate(node);
  if (!value || typeof value !== 'object' || Array.isArray(value) || isUnknown(value)) {
    run.diagnostics.push(diagnostic('arm/linked-template-unavailable', 'warning', `${what} ${isUnknown(value) ? 'only known at deployment' : 'not an object'}; its resources are not evaluated`, doc.rangeOf(node)));
    return undefined;
  }
  const at = doc.rangeOf(node);
  const evaluated = JsonDocument.fromCompiled(doc.file, JSON.stringify(value), { get: () => at });
  return evaluated.root ? evaluated : undefined;
}

/** A nested deployment's template; `linked` when it comes from another file (it always has its own scope). */
interface LocatedTemplate {
  templateDoc: JsonDocument;
  template: JsonNode;
  dir: string;
  linked: boolean;
}

function locateTemplate(doc: JsonDocument, props: JsonNode | undefined, name: string, outer: TemplateScope, run: ExpansionRun, baseDir: string): LocatedTemplate | undefined {
  const inline = member(props, 'template');
  if (inline?.type === 'string') return computedTemplate(doc, inline, name, outer, run, baseDir);
  if (inline) return { templateDoc: doc, template: inline, dir: baseDir, linked: false };
  const link = member(props, 'templateLink');
  const unavailable = member(link, 'azreadyUnavailable')?.value;
  if (typeof unavailable === 'string') {
    // A Bicep module the compiler could not resolve (a registry module missing from the cache).
    run.diagnostics.push(diagnostic('bicep/module-unavailable', 'warning', `${unavailable}; the module's resources are not evaluated and its outputs are unknown`, doc.rangeOf(link!)));
    return undefined;
  }
  const relative = outer.evaluate(member(link, 'relativePath'));
  if (typeof relative !== 'string') {
    const what = link ? (member(link, 'uri') ? 'a remote URI' : member(link, 'id') ? 'a template spec' : 'an unknown location') : 'nowhere';
    run.diagnostics.push(diagnostic('arm/linked-template-unavailable', 'warning', `the nested deployment '${name}' takes its template from ${what}, which azready cannot read offline; its resources are not evaluated`, doc.rangeOf(link ?? props ?? doc.root!)));
    return undefined;
  }
  const file = path.resolve(baseDir, relative);
  const stack = run.fileStack.map((f) => path.resolve(f));
  if (stack.includes(file)) {
    run.diagnostics.push(diagnostic('arm/linked-template-cycle', 'error', `the linked template ${relative} links back to itself through ${stack.map((f) => path.basename(f)).join(' → ')}`, doc.rangeOf(link!)));
    return undefined;
  }
  if (!existsSync(file)) {
    run.diagnostics.push(diagnostic('arm/linked-template-missing', 'error', `the linked template ${relative} does not exist (looked for ${file})`, doc.rangeOf(link!)));
    return undefined;
  }
  const parsed = JsonDocument.parse(file, readFileSync(file, 'utf8'));
  run.diagnostics.push(...parsed.diagnostics);
  if (!parsed.doc.root) return undefined;
  return { templateDoc: parsed.doc, template: parsed.doc.root, dir: path.dirname(file), linked: true };
}

/**
 * An inline template given as an expression: `json(loadTextContent('role-assignment.json'))`, as
 * Bicep files that deploy a generic template write it. Its value is expanded as a template of its
 * own, every range in it pointing at the expression.
 */
function computedTemplate(doc: JsonDocument, inline: JsonNode, name: string, outer: TemplateScope, run: ExpansionRun, baseDir: string): LocatedTemplate | undefined {
  const templateDoc = evaluatedDocument(doc, inline, `the template of the nested deployment '${name}' is`, outer, run);
  return templateDoc ? { templateDoc, template: templateDoc.root!, dir: baseDir, linked: false } : undefined;
}

/** A deployment into a resource group the templates declare takes that group's location. */
function withGroupLocation(ctx: DeploymentContext, outer: DeploymentContext, groups: { resourceGroupLocation(name: string): string | undefined } | undefined): DeploymentContext {
  if (!groups || typeof ctx.resourceGroup !== 'string' || ctx.resourceGroup === outer.resourceGroup) return ctx;
  const location = groups.resourceGroupLocation(ctx.resourceGroup);
  return location && location !== ctx.location ? { ...ctx, location } : ctx;
}

/** Where the nested deployment deploys: its subscriptionId/resourceGroup/scope, else the outer scope narrowed by its schema. */
function targetContext(outer: TemplateScope, node: JsonNode, template: JsonNode, parentTarget: DeploymentContext | undefined): DeploymentContext {
  // Inside an outer-scope deployment into another group, that group is where nested ones start from.
  const base = parentTarget ?? outer.deployment;
  const ctx: DeploymentContext = { ...base };
  const sub = outer.evaluate(member(node, 'subscriptionId'));
  const rg = outer.evaluate(member(node, 'resourceGroup'));
  const scope = outer.evaluate(member(node, 'scope'));
  const schema = String(member(template, '$schema')?.value ?? '');
  if (typeof sub === 'string') ctx.subscriptionId = sub;
  else if (isUnknown(sub)) ctx.subscriptionId = unknownTarget('subscription', sub, member(node, 'subscriptionId'));
  if (typeof scope === 'string') {
    const mg = /managementGroups\/([^/]+)/i.exec(scope);
    const s = /subscriptions\/([^/]+)/i.exec(scope);
    const g = /resourceGroups\/([^/]+)/i.exec(scope);
    if (mg) Object.assign(ctx, { scope: 'managementGroup', managementGroup: mg[1] });
    else if (g && s) Object.assign(ctx, { scope: 'resourceGroup', subscriptionId: s[1], resourceGroup: g[1] });
    else if (s) Object.assign(ctx, { scope: 'subscription', subscriptionId: s[1] });
    else if (scope === '/') ctx.scope = 'tenant';
  } else if (isUnknown(scope)) {
    unknownGroupScope(outer, member(node, 'scope'), ctx);
  }
  if (typeof rg === 'string' || isUnknown(rg)) {
    ctx.resourceGroup = typeof rg === 'string' ? rg : unknownTarget('resource group', rg, member(node, 'resourceGroup'));
    ctx.scope = 'resourceGroup';
  } else if (schema && typeof scope !== 'string') {
    const fromSchema = scopeFromSchema(schema);
    // A resource-group template deployed from a subscription without a resourceGroup stays at
    // the subscription in ARM's eyes only if its schema says so.
    if (fromSchema !== 'resourceGroup' || ctx.scope === 'resourceGroup') ctx.scope = fromSchema;
  }
  // The same context object when nothing changed: ids and scopes are then built once per template.
  for (const k in ctx) if (ctx[k as keyof DeploymentContext] !== base[k as keyof DeploymentContext]) return ctx;
  return base;
}

/**
 * A `scope` that is the id of a resource group named only at deployment
 * (`subscriptionResourceId([sub,] 'Microsoft.Resources/resourceGroups', name)`): the deployment
 * targets that group, whose name (and maybe subscription) is unknown.
 */
function unknownGroupScope(outer: TemplateScope, scopeNode: JsonNode | undefined, ctx: DeploymentContext): void {
  const raw = scopeNode?.value;
  if (typeof raw !== 'string' || !raw.startsWith('[')) return;
  const parsed = parseBracketed(raw);
  if (!parsed.ok || parsed.node.kind !== 'call' || !/^(subscriptionresourceid|resourceid)$/i.test(parsed.node.name)) return;
  const args = parsed.node.args;
  const ti = args.findIndex((a) => a.kind === 'string' && a.value.replace(/\/+$/, '').toLowerCase() === 'microsoft.resources/resourcegroups');
  if (ti < 0 || ti > 1 || args.length !== ti + 2) return;
  const source = raw.slice(1, -1);
  const textOf = (i: number) => source.slice(args[i].offset, i + 1 < args.length ? args[i + 1].offset : source.lastIndexOf(')')).trim().replace(/,$/, '').trim();
  const valueOf = (i: number): Value => {
    try {
      return evaluateExpression(args[i], outer);
    } catch {
      return new Unknown('the expression failed');
    }
  };
  const rg = valueOf(ti + 1);
  const sub = ti === 1 ? valueOf(0) : ctx.subscriptionId;
  ctx.scope = 'resourceGroup';
  ctx.resourceGroup = typeof rg === 'string' ? rg : new Unknown(`the resource group this deployment targets is only known at deployment${isUnknown(rg) ? ` (${rg.reason})` : ''}`, textOf(ti + 1));
  if (typeof sub === 'string') ctx.subscriptionId = sub;
  else if (ti === 1) ctx.subscriptionId = new Unknown(`the subscription this deployment targets is only known at deployment${isUnknown(sub) ? ` (${sub.reason})` : ''}`, textOf(0));
}

/** An unknown target keeps the expression that names it, which resource ids spell out. */
function unknownTarget(what: string, value: Unknown, node: JsonNode | undefined): Unknown {
  const text = String(node?.value ?? '').replace(/^\[|\]$/g, '');
  return new Unknown(`the ${what} this deployment targets is only known at deployment (${value.reason})`, text);
}

/** `properties.parameters` of the deployment, evaluated in the outer template. */
function passedParameters(props: JsonNode | undefined, outer: TemplateScope): ParameterValues {
  const values: ParameterValues = new Map();
  const parameters = member(props, 'parameters');
  const count = memberCount(parameters);
  for (let i = 0; i < count; i++) {
    const name = memberKeyAt(parameters!, i);
    if (name === undefined) continue;
    const p = memberValueAt(parameters!, i);
    // The entry itself may be an expression that yields `{ value }`, as older Bicep emits for
    // `cond ? a : b`: "[if(cond, createObject('value', a), createObject('value', b))]".
    if (p.type === 'string') {
      const secrets: string[] = [];
      const entry = outer.evaluate(p, undefined, undefined, secrets);
      const hit = valueOf(entry);
      if (hit) values.set(name.toLowerCase(), { value: hit[1], secret: secrets.length > 0 });
      else if (isUnknown(entry)) values.set(name.toLowerCase(), { value: entry, secret: secrets.length > 0 });
      else if (referenceOf(entry)) {
        // `{ reference: { keyVault, secretName } }`, as Bicep compiles `cond ? kv.getSecret('x') : null`.
        values.set(name.toLowerCase(), { value: new Unknown(`the parameter '${name}' is a Key Vault reference resolved at deployment`), secret: true });
      }
      continue;
    }
    const v = member(p, 'value');
    const ref = member(p, 'reference');
    if (v) {
      const secrets: string[] = [];
      const value = outer.evaluate(v, undefined, 'value', secrets);
      values.set(name.toLowerCase(), { value, secret: secrets.length > 0 });
    } else if (ref) {
      values.set(name.toLowerCase(), { value: new Unknown(`the parameter '${name}' is a Key Vault reference resolved at deployment`), secret: true });
    } else if (member(p, 'copy')) {
      // A value made by a property loop, as Bicep emits for `param: [for x in xs: …]`:
      // `{ "copy": [{ "name": "value", "count": …, "input": … }] }` evaluates to `{ value: [...] }`.
      const secrets: string[] = [];
      const hit = valueOf(outer.evaluate(p, undefined, undefined, secrets));
      if (hit) values.set(name.toLowerCase(), { value: hit[1], secret: secrets.length > 0 });
    }
  }
  return values;
}

/**
 * A value passed for a parameter the nested template does not declare is reported where it is
 * passed (the module call's `params`), by the name as spelled there.
 */
function locateUndeclared(values: ParameterValues, props: JsonNode | undefined, template: JsonNode, doc: JsonDocument): ParameterValues {
  const declared = member(template, 'parameters');
  const passed = member(props, 'parameters');
  const count = memberCount(passed);
  for (let i = 0; i < count; i++) {
    const name = memberKeyAt(passed!, i);
    const value = name === undefined ? undefined : values.get(name.toLowerCase());
    if (name !== undefined && value && !hasMember(declared, name)) values.set(name.toLowerCase(), { ...value, name, location: doc.rangeOf(memberValueAt(passed!, i)) });
  }
  return values;
}

/** Whether an evaluated parameter entry is a Key Vault reference (`reference` member, any case). */
function referenceOf(entry: Value): boolean {
  if (!entry || typeof entry !== 'object' || Array.isArray(entry) || isUnknown(entry)) return false;
  return Object.keys(entry).some((k) => k.toLowerCase() === 'reference');
}

/** The `value` member (any case) of an evaluated parameter entry, as a [key, value] pair. */
function valueOf(entry: Value): [string, Value] | undefined {
  if (!entry || typeof entry !== 'object' || Array.isArray(entry) || isUnknown(entry)) return undefined;
  return Object.entries(entry).find(([k]) => k.toLowerCase() === 'value');
}
