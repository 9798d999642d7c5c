// The deployment a template is expanded for. Templates are scanned without Azure, so the ids use
// documented placeholders: resource ids stay stable from run to run. A nested deployment into a
// resource group or subscription whose name is unknown carries an Unknown there instead.
import { Unknown, isUnknown } from '../core/unknown.js';

export type DeploymentScope = 'tenant' | 'managementGroup' | 'subscription' | 'resourceGroup';

export interface DeploymentContext {
  scope: DeploymentScope;
  /** Unknown for a nested deployment into a subscription whose id is only known at deployment. */
  subscriptionId: string | Unknown;
  /** Unknown for a nested deployment into a resource group whose name is only known at deployment. */
  resourceGroup: string | Unknown;
  location: string;
  tenantId: string;
  managementGroup: string;
  deploymentName: string;
}

export const DEFAULT_DEPLOYMENT: DeploymentContext = {
  scope: 'resourceGroup',
  subscriptionId: '00000000-0000-0000-0000-000000000000',
  resourceGroup: 'azready-rg',
  location: 'westus',
  tenantId: '00000000-0000-0000-0000-000000000000',
  managementGroup: 'azready-mg',
  deploymentName: 'azready',
};

/** The scope a template deploys at, from its `$schema`. */
export function scopeFromSchema(schema: string): DeploymentScope {
  const s = schema.toLowerCase();
  if (s.includes('tenantdeploymenttemplate')) return 'tenant';
  if (s.includes('managementgroupdeploymenttemplate')) return 'managementGroup';
  if (s.includes('subscriptiondeploymenttemplate')) return 'subscription';
  return 'resourceGroup';
}

export function resourceGroupId(ctx: DeploymentContext): string {
  return `/subscriptions/${idSegment(ctx.subscriptionId, 'subscription')}/resourceGroups/${idSegment(ctx.resourceGroup, 'resource group')}`;
}

/**
 * A segment of a resource id (which is always a string): an unknown subscription or resource group
 * is spelled `{unknown resource group: <expression>}`, as unknown names are, so that resources in
 * two different unknown groups keep apart.
 */
export function idSegment(v: string | Unknown, what: string): string {
  if (!isUnknown(v)) return v;
  return `{unknown ${what}: ${unknownNameText(String(v.expression ?? ''))}}`;
}

/** An expression's text as an unknown id segment spells it: no `/`, `{` or `}` to break an id apart. */
export function unknownNameText(text: string): string {
  // Look-alikes that neither split the id into segments nor close the placeholder: the learner
  // reads the expression as the template writes it (`split(…, '/')`, `format('{0}-x', …)`).
  return /[/{}]/.test(text) ? text.replace(/[/{}]/g, (c) => (c === '/' ? '\u2215' : c === '{' ? '\uff5b' : '\uff5d')) : text;
}

/**
 * An id in a subscription or resource group that is only known at deployment: an Unknown whose
 * expression is the id with that segment spelled out, as in the resource's own id, so that
 * relations can still tell which resource it names.
 */
export function unknownId(part: Unknown, id: string): Unknown {
  return new Unknown(part.reason, id);
}

/** The id an Unknown of `unknownId()` spells out, if it is one. */
export function spelledOutId(v: unknown): string | undefined {
  return isUnknown(v) && v.expression !== undefined && /^\/(subscriptions|providers)\/.*\{unknown /i.test(v.expression) ? v.expression : undefined;
}

/**
 * The id of a resource of `type` (`Ns/a/b`) named `name` (`x/y`) in the context's scope:
 * `/subscriptions/…/resourceGroups/…/providers/Ns/a/x/b/y`.
 */
export function resourceIdAt(prefix: string, type: string, name: string): string {
  // The commonest case, a top-level type and a one-segment name, needs no splitting.
  const slash = type.indexOf('/');
  if (slash >= 0 && type.indexOf('/', slash + 1) < 0 && !name.includes('/')) return `${prefix}/providers/${type}/${name}`;
  // Segments are found with indexOf rather than split: an id is built for every resource.
  let t = type.indexOf('/');
  if (t < 0) return `${prefix}/providers/${type}`;
  let id = `${prefix}/providers/${type.slice(0, t)}`;
  let n = 0;
  while (t >= 0) {
    const nextT = type.indexOf('/', t + 1);
    id += '/' + type.slice(t + 1, nextT < 0 ? type.length : nextT) + '/';
    // The name segment for this type segment, '' once the name has no more.
    if (n >= 0) {
      const nextN = name.indexOf('/', n);
      id += name.slice(n, nextN < 0 ? name.length : nextN);
      n = nextN < 0 ? -1 : nextN + 1;
    }
    t = nextT;
  }
  return id;
}

export function scopePrefix(ctx: DeploymentContext): string {
  switch (ctx.scope) {
    case 'tenant':
      return '';
    case 'managementGroup':
      return `/providers/Microsoft.Management/managementGroups/${ctx.managementGroup}`;
    case 'subscription':
      return `/subscriptions/${idSegment(ctx.subscriptionId, 'subscription')}`;
    case 'resourceGroup':
      return resourceGroupId(ctx);
  }
}
