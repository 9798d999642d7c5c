// The deployment a template is expanded for. Templates are scanned without Azure, so the ids use
// documented placeholders: resource ids stay stable from run to run.

export type DeploymentScope = 'tenant' | 'managementGroup' | 'subscription' | 'resourceGroup';

export interface DeploymentContext {
  scope: DeploymentScope;
  subscriptionId: string;
  resourceGroup: string;
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
  return `/subscriptions/${ctx.subscriptionId}/resourceGroups/${ctx.resourceGroup}`;
}

/**
 * The id of a resource of `type` (`Ns/a/b`) named `name` (`x/y`) in the context's scope:
 * `/subscriptions/…/resourceGroups/…/providers/Ns/a/x/b/y`.
 */
export function resourceIdAt(prefix: string, type: string, name: string): string {
  const types = type.split('/');
  const names = name.split('/');
  let id = `${prefix}/providers/${types[0]}`;
  for (let i = 1; i < types.length; i++) id += `/${types[i]}/${names[i - 1] ?? ''}`;
  return id;
}

export function scopePrefix(ctx: DeploymentContext): string {
  switch (ctx.scope) {
    case 'tenant':
      return '';
    case 'managementGroup':
      return `/providers/Microsoft.Management/managementGroups/${ctx.managementGroup}`;
    case 'subscription':
      return `/subscriptions/${ctx.subscriptionId}`;
    case 'resourceGroup':
      return resourceGroupId(ctx);
  }
}
