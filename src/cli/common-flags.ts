// Flags shared by the commands that read templates or rule packs.
import { Errors, Flags } from '@oclif/core';
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

/**
 * `--min-score`: 0–100 with decimals, as scores have one decimal and azready.yaml `minScore`
 * takes them (an integer-only flag refused `--min-score 72.5`, which the file accepts).
 */
export const minScoreFlag = Flags.custom<number>({
  description: 'exit 1 when the overall score is below this (0–100)',
  helpValue: 'SCORE',
  // A CLIError, as oclif's own flag errors: exit code 2 (usage), never 1 (a failed gate).
  parse: async (input) => {
    const n = Number(input);
    if (input.trim() === '' || !Number.isFinite(n) || n < 0 || n > 100) throw new Errors.CLIError(`--min-score takes a score from 0 to 100, such as 70 or 72.5; got '${input}'`);
    return n;
  },
});
