// The @azure/arm-policy client on the audit's endpoint and credential (src/live): the cloud or
// --arm-endpoint (http only for loopback hosts, with the minimal bearer policy), retries off.
import type { TokenCredential } from '@azure/core-auth';
import { PolicyClient } from '@azure/arm-policy';
import type { ArmEndpoint } from '../live/arm-endpoint.js';
import { authPolicy } from '../live/credential.js';
import { toolVersion } from '../report/tool-version.js';

export const POLICY_API_VERSION = '2025-03-01';

export function policyClient(credential: TokenCredential, arm: ArmEndpoint, subscriptionId?: string): PolicyClient {
  const options = {
    endpoint: arm.endpoint,
    apiVersion: POLICY_API_VERSION,
    credentials: { scopes: [arm.scope] },
    allowInsecureConnection: arm.insecure,
    retryOptions: { maxRetries: 2 },
    userAgentOptions: { userAgentPrefix: `azready/${toolVersion()}` },
  };
  const client = subscriptionId ? new PolicyClient(credential, subscriptionId, options) : new PolicyClient(credential, options);
  if (arm.insecure) {
    client.pipeline.removePolicy({ name: 'bearerTokenAuthenticationPolicy' });
    client.pipeline.addPolicy(authPolicy(credential, arm.scope, true), { phase: 'Sign' });
  }
  return client;
}

/** Where definitions live: a subscription or a management group. */
export type PolicyScope = { subscription: string } | { managementGroup: string };

export function scopeId(scope: PolicyScope): string {
  return 'subscription' in scope ? `/subscriptions/${scope.subscription}` : `/providers/Microsoft.Management/managementGroups/${scope.managementGroup}`;
}

/** SDK model (flattened) → the built-in file shape `{properties, id, name}`. */
export function toPolicyFile(model: Record<string, unknown>): { properties: Record<string, unknown>; id: string; name: string } {
  const { id, name, type: _type, systemData: _s, ...properties } = model;
  void _type;
  void _s;
  return { properties, id: String(id ?? ''), name: String(name ?? '') };
}
