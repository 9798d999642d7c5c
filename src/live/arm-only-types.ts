// Resource types that Resource Graph's `resources` table does not hold, and the ARM GET that reads
// them instead (research: azure-apis.md §2, scenario-rules.md §6). Every other type is assumed to
// be in Resource Graph.

export interface ArmOnlyType {
  /** Canonical type. */
  type: string;
  /**
   * `extension`: `{id}/providers/<type>` lists them for any resource; `child`: `{parentId}/<segment>`
   * lists them; `singleton`: `{parentId}/<segment>/<name>` is the only instance (404 = none);
   * `embedded`: Resource Graph has them inside the parent's properties (`properties.subnets`), where
   * rules read them, so nothing is fetched (a GET would only duplicate them); `scope`:
   * `{scope}/providers/<type>` lists them for each audited subscription and resource group.
   */
  access: 'extension' | 'child' | 'singleton' | 'embedded' | 'scope';
  apiVersion: string;
  name?: string;
}

const TYPES: ArmOnlyType[] = [
  { type: 'Microsoft.Insights/diagnosticSettings', access: 'extension', apiVersion: '2021-05-01-preview' },
  { type: 'Microsoft.Authorization/locks', access: 'extension', apiVersion: '2020-05-01' },
  // Cost Management budgets of a subscription or resource group (Consumption API).
  { type: 'Microsoft.Consumption/budgets', access: 'scope', apiVersion: '2023-05-01' },
  { type: 'Microsoft.Storage/storageAccounts/blobServices', access: 'child', apiVersion: '2023-05-01' },
  { type: 'Microsoft.Storage/storageAccounts/fileServices', access: 'child', apiVersion: '2023-05-01' },
  { type: 'Microsoft.Storage/storageAccounts/queueServices', access: 'child', apiVersion: '2023-05-01' },
  { type: 'Microsoft.Storage/storageAccounts/tableServices', access: 'child', apiVersion: '2023-05-01' },
  { type: 'Microsoft.Storage/storageAccounts/blobServices/containers', access: 'child', apiVersion: '2023-05-01' },
  { type: 'Microsoft.Storage/storageAccounts/managementPolicies', access: 'singleton', name: 'default', apiVersion: '2023-05-01' },
  { type: 'Microsoft.Synapse/workspaces/firewallRules', access: 'child', apiVersion: '2021-06-01' },
  { type: 'Microsoft.Synapse/workspaces/azureADOnlyAuthentications', access: 'child', apiVersion: '2021-06-01' },
  { type: 'Microsoft.Synapse/workspaces/auditingSettings', access: 'child', apiVersion: '2021-06-01' },
  { type: 'Microsoft.Synapse/workspaces/extendedAuditingSettings', access: 'child', apiVersion: '2021-06-01' },
  { type: 'Microsoft.Synapse/workspaces/dedicatedSQLminimalTlsSettings', access: 'child', apiVersion: '2021-06-01' },
  { type: 'Microsoft.Synapse/workspaces/sqlPools/geoBackupPolicies', access: 'child', apiVersion: '2021-06-01' },
  { type: 'Microsoft.Synapse/workspaces/managedIdentitySqlControlSettings', access: 'singleton', name: 'default', apiVersion: '2021-06-01' },
  { type: 'Microsoft.EventHub/namespaces/networkRuleSets', access: 'child', apiVersion: '2024-01-01' },
  { type: 'Microsoft.EventHub/namespaces/eventhubs', access: 'child', apiVersion: '2024-01-01' },
  { type: 'Microsoft.EventHub/namespaces/disasterRecoveryConfigs', access: 'child', apiVersion: '2024-01-01' },
  { type: 'Microsoft.EventHub/namespaces/authorizationRules', access: 'child', apiVersion: '2024-01-01' },
  { type: 'Microsoft.Network/virtualNetworks/subnets', access: 'embedded', apiVersion: '2023-11-01' },
  { type: 'Microsoft.Network/networkSecurityGroups/securityRules', access: 'embedded', apiVersion: '2023-11-01' },
  { type: 'Microsoft.Network/virtualNetworks/virtualNetworkPeerings', access: 'embedded', apiVersion: '2023-11-01' },
  { type: 'Microsoft.Network/trafficManagerProfiles/azureEndpoints', access: 'embedded', apiVersion: '2022-04-01' },
  { type: 'Microsoft.Network/trafficManagerProfiles/externalEndpoints', access: 'embedded', apiVersion: '2022-04-01' },
  { type: 'Microsoft.Network/trafficManagerProfiles/nestedEndpoints', access: 'embedded', apiVersion: '2022-04-01' },
  { type: 'Microsoft.Network/privateEndpoints/privateDnsZoneGroups', access: 'child', apiVersion: '2023-11-01' },
  // Virtual WAN: gateway connections sit in the gateway's properties; spoke connections are a hub child.
  { type: 'Microsoft.Network/vpnGateways/vpnConnections', access: 'embedded', apiVersion: '2023-11-01' },
  { type: 'Microsoft.Network/expressRouteGateways/expressRouteConnections', access: 'embedded', apiVersion: '2023-11-01' },
  { type: 'Microsoft.Network/virtualHubs/hubVirtualNetworkConnections', access: 'child', apiVersion: '2023-11-01' },
  // Front Door (Standard/Premium) origin groups and their origins, listed under the profile.
  { type: 'Microsoft.Cdn/profiles/originGroups', access: 'child', apiVersion: '2024-02-01' },
  { type: 'Microsoft.Cdn/profiles/originGroups/origins', access: 'child', apiVersion: '2024-02-01' },
  { type: 'Microsoft.Insights/components/pricingPlans', access: 'singleton', name: 'current', apiVersion: '2017-10-01' },
  // Control-plane metadata only (attributes such as exp); values are never returned.
  { type: 'Microsoft.KeyVault/vaults/secrets', access: 'child', apiVersion: '2023-07-01' },
  { type: 'Microsoft.KeyVault/vaults/keys', access: 'child', apiVersion: '2023-07-01' },
  { type: 'Microsoft.Sql/servers/failoverGroups', access: 'child', apiVersion: '2021-11-01' },
  { type: 'Microsoft.Sql/servers/azureADOnlyAuthentications', access: 'child', apiVersion: '2021-11-01' },
  { type: 'Microsoft.Sql/servers/auditingSettings', access: 'child', apiVersion: '2021-11-01' },
  { type: 'Microsoft.Sql/servers/firewallRules', access: 'child', apiVersion: '2021-11-01' },
  { type: 'Microsoft.Sql/servers/databases/transparentDataEncryption', access: 'child', apiVersion: '2021-11-01' },
  { type: 'Microsoft.Sql/servers/databases/backupShortTermRetentionPolicies', access: 'child', apiVersion: '2021-11-01' },
  { type: 'Microsoft.Sql/servers/databases/backupLongTermRetentionPolicies', access: 'child', apiVersion: '2021-11-01' },
  // In Resource Graph only through the appserviceresources table; the `web` config is what rules read.
  { type: 'Microsoft.Web/sites/config', access: 'singleton', name: 'web', apiVersion: '2023-12-01' },
  { type: 'Microsoft.DataFactory/factories/integrationRuntimes', access: 'child', apiVersion: '2018-06-01' },
  { type: 'Microsoft.DataFactory/factories/linkedservices', access: 'child', apiVersion: '2018-06-01' },
  { type: 'Microsoft.MachineLearningServices/workspaces/computes', access: 'child', apiVersion: '2024-04-01' },
  { type: 'Microsoft.StreamAnalytics/streamingjobs/inputs', access: 'child', apiVersion: '2020-03-01' },
  { type: 'Microsoft.StreamAnalytics/streamingjobs/outputs', access: 'child', apiVersion: '2020-03-01' },
  // Server parameters number several hundred per server: only the one the secure-transport rules read.
  { type: 'Microsoft.DBforPostgreSQL/flexibleServers/configurations', access: 'singleton', name: 'require_secure_transport', apiVersion: '2024-08-01' },
  { type: 'Microsoft.DBforMySQL/flexibleServers/configurations', access: 'singleton', name: 'require_secure_transport', apiVersion: '2023-12-30' },
  { type: 'Microsoft.DBforMySQL/flexibleServers/administrators', access: 'child', apiVersion: '2023-12-30' },
];

const BY_TYPE = new Map(TYPES.map((t) => [t.type.toLowerCase(), t]));

/** How to read `type` through ARM, or undefined when Resource Graph has it. */
export function armOnlyType(type: string): ArmOnlyType | undefined {
  return BY_TYPE.get(type.toLowerCase());
}

/** The ARM path that lists (or reads) resources of `t` under or on `parentId`. */
export function armPathFor(t: ArmOnlyType, parentId: string): string {
  if (t.access === 'extension' || t.access === 'scope') return `${parentId}/providers/${t.type}`;
  const segment = t.type.split('/').pop()!;
  return t.access === 'singleton' ? `${parentId}/${segment}/${t.name}` : `${parentId}/${segment}`;
}

/** The pseudo parent types of `scope` fetches: the audited subscriptions and resource groups. */
export const SUBSCRIPTIONS = 'Microsoft.Resources/subscriptions';
export const RESOURCE_GROUPS = 'Microsoft.Resources/resourceGroups';
