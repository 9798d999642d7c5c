// Resource Graph lower-cases types; templates use whatever casing their author typed. Rules and
// reports use one canonical casing, learned from the rule packs and a table of common types.

const known = new Map<string, string>();

const COMMON_TYPES = [
  'Microsoft.Storage/storageAccounts',
  'Microsoft.Storage/storageAccounts/blobServices',
  'Microsoft.Storage/storageAccounts/blobServices/containers',
  'Microsoft.Storage/storageAccounts/fileServices',
  'Microsoft.Storage/storageAccounts/managementPolicies',
  'Microsoft.KeyVault/vaults',
  'Microsoft.KeyVault/vaults/secrets',
  'Microsoft.KeyVault/vaults/keys',
  'Microsoft.EventHub/namespaces',
  'Microsoft.EventHub/namespaces/eventhubs',
  'Microsoft.EventHub/namespaces/networkRuleSets',
  'Microsoft.EventHub/namespaces/authorizationRules',
  'Microsoft.Synapse/workspaces',
  'Microsoft.Synapse/workspaces/bigDataPools',
  'Microsoft.Synapse/workspaces/sqlPools',
  'Microsoft.Synapse/workspaces/firewallRules',
  'Microsoft.DataFactory/factories',
  'Microsoft.DataFactory/factories/linkedservices',
  'Microsoft.DataFactory/factories/integrationRuntimes',
  'Microsoft.StreamAnalytics/streamingjobs',
  'Microsoft.MachineLearningServices/workspaces',
  'Microsoft.Purview/accounts',
  'Microsoft.ContainerRegistry/registries',
  'Microsoft.ContainerInstance/containerGroups',
  'Microsoft.DocumentDB/databaseAccounts',
  'Microsoft.Insights/components',
  'Microsoft.Insights/diagnosticSettings',
  'Microsoft.OperationalInsights/workspaces',
  'Microsoft.Network/trafficManagerProfiles',
  'Microsoft.Network/privateEndpoints',
  'Microsoft.Network/privateDnsZones',
  'Microsoft.Network/virtualNetworks',
  'Microsoft.Network/virtualNetworks/subnets',
  'Microsoft.Network/networkSecurityGroups',
  'Microsoft.Network/virtualNetworkGateways',
  'Microsoft.Network/expressRouteCircuits',
  'Microsoft.Network/publicIPAddresses',
  'Microsoft.Web/sites',
  'Microsoft.Web/serverfarms',
  'Microsoft.Sql/servers',
  'Microsoft.Sql/servers/databases',
  'Microsoft.Sql/servers/failoverGroups',
  'Microsoft.Authorization/locks',
  'Microsoft.Authorization/roleAssignments',
  'Microsoft.Consumption/budgets',
  'Microsoft.Resources/deployments',
  'Microsoft.Resources/resourceGroups',
];
for (const t of COMMON_TYPES) registerType(t);

/** Teach the table a canonical casing (rule packs register their `resourceType`s). */
export function registerType(type: string): void {
  const key = type.toLowerCase();
  if (!known.has(key)) known.set(key, type);
}

/** The canonical casing of a type, or the input as written when it is not known. */
export function canonicalType(type: string): string {
  return known.get(type.toLowerCase()) ?? type;
}
