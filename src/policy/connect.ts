// Scope, endpoint and credential for `policy pull` and `policy publish`, with the audit's helpers.
import { Flags } from '@oclif/core';
import { resolveArmEndpoint, type CloudName } from '../live/arm-endpoint.js';
import { auditCredential } from '../live/credential.js';
import { subscriptionIdProblem } from '../live/subscription-id.js';
import { policyClient, type PolicyScope } from './policy-client.js';
import type { PolicyClient } from '@azure/arm-policy';

export const connectFlags = {
  subscription: Flags.string({ char: 's', description: 'subscription id', exactlyOne: ['subscription', 'management-group'] }),
  'management-group': Flags.string({ char: 'm', description: 'management group id', exactlyOne: ['subscription', 'management-group'] }),
  cloud: Flags.string({ options: ['AzureCloud', 'AzureUSGovernment', 'AzureChinaCloud'], default: 'AzureCloud', description: 'Azure cloud (sets the ARM endpoint and token audience)' }),
  'arm-endpoint': Flags.string({ description: "ARM endpoint URL overriding the cloud's; plain http only for loopback hosts" }),
};

export async function connect(flags: { subscription?: string; 'management-group'?: string; cloud: string; 'arm-endpoint'?: string }): Promise<{ client: PolicyClient; scope: PolicyScope } | { error: string }> {
  const notId = flags.subscription === undefined ? undefined : subscriptionIdProblem([flags.subscription]);
  if (notId) return { error: notId };
  const arm = resolveArmEndpoint(flags.cloud as CloudName, flags['arm-endpoint']);
  if ('error' in arm) return { error: arm.error };
  const { credential } = await auditCredential(process.env, flags.cloud as CloudName);
  const scope: PolicyScope = flags.subscription ? { subscription: flags.subscription } : { managementGroup: flags['management-group'] as string };
  return { client: policyClient(credential, arm, 'subscription' in scope ? scope.subscription : undefined), scope };
}
