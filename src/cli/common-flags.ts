// Flags shared by the commands that read templates or rule packs.
import { Flags } from '@oclif/core';
import type { DeploymentContext } from '../arm/deployment-context.js';

export const inputFlags = {
  params: Flags.string({ description: 'parameters file applied to the templates: ARM JSON (deploymentParameters.json#) or .bicepparam (repeatable)', multiple: true, helpValue: 'FILE' }),
  'subscription-id': Flags.string({ description: 'subscription id used in resource ids (default 00000000-0000-0000-0000-000000000000)' }),
  'resource-group': Flags.string({ description: 'resource group name used in resource ids (default azready-rg)' }),
  location: Flags.string({ description: "value of resourceGroup().location and deployment().location (default westus)" }),
};

export const packFlags = {
  profile: Flags.string({ char: 'p', description: 'profile name (baseline, …) or path to a profile YAML file', default: 'baseline' }),
  rules: Flags.string({ description: 'extra rule pack folder of <service>/<name>.yaml files (repeatable)', multiple: true }),
};

export function deploymentFromFlags(flags: { 'subscription-id'?: string; 'resource-group'?: string; location?: string }): Partial<DeploymentContext> {
  const d: Partial<DeploymentContext> = {};
  if (flags['subscription-id']) d.subscriptionId = flags['subscription-id'];
  if (flags['resource-group']) d.resourceGroup = flags['resource-group'];
  if (flags.location) d.location = flags.location;
  return d;
}
