// The lakehouse after a readiness review: private, recoverable, cost-capped and observable.
// Scan it with: azready scan examples/data-lakehouse/well-architected --profile data-lakehouse
param location string = resourceGroup().location
param prefix string = 'contoso'

@description('Object id of the Entra ID group that administers Synapse.')
param synapseAdminGroupId string = '11111111-1111-1111-1111-111111111111'

var tags = {
  workload: 'lakehouse'
  environment: 'prod'
  owner: 'data-platform-team'
  costCenter: 'cc-1234'
}

// ---------------------------------------------------------------- network
resource vnet 'Microsoft.Network/virtualNetworks@2023-11-01' = {
  name: '${prefix}-vnet'
  location: location
  tags: tags
  properties: {
    addressSpace: { addressPrefixes: ['10.20.0.0/16'] }
    subnets: [
      {
        name: 'private-endpoints'
        properties: {
          addressPrefix: '10.20.1.0/24'
          networkSecurityGroup: { id: nsg.id }
        }
      }
    ]
  }
}

resource nsg 'Microsoft.Network/networkSecurityGroups@2023-11-01' = {
  name: '${prefix}-pe-nsg'
  location: location
  tags: tags
  properties: { securityRules: [] }
}

// ---------------------------------------------------------------- monitoring
resource logs 'Microsoft.OperationalInsights/workspaces@2023-09-01' = {
  name: '${prefix}-logs'
  location: location
  tags: tags
  properties: {
    sku: { name: 'PerGB2018' }
    retentionInDays: 90
    workspaceCapping: { dailyQuotaGb: 50 }
    features: { disableLocalAuth: true }
    publicNetworkAccessForIngestion: 'Enabled'
  }
}

// ---------------------------------------------------------------- data lake
resource lake 'Microsoft.Storage/storageAccounts@2023-05-01' = {
  name: '${prefix}lake'
  location: location
  tags: tags
  sku: { name: 'Standard_RAGZRS' }
  kind: 'StorageV2'
  properties: {
    isHnsEnabled: true
    accessTier: 'Hot'
    minimumTlsVersion: 'TLS1_2'
    supportsHttpsTrafficOnly: true
    allowBlobPublicAccess: false
    allowSharedKeyAccess: false
    allowCrossTenantReplication: false
    defaultToOAuthAuthentication: true
    publicNetworkAccess: 'Disabled'
    networkAcls: { defaultAction: 'Deny', bypass: 'AzureServices', ipRules: [] }
    encryption: {
      requireInfrastructureEncryption: true
      keySource: 'Microsoft.Storage'
      services: { blob: { enabled: true }, file: { enabled: true } }
    }
  }
}

resource lakeBlob 'Microsoft.Storage/storageAccounts/blobServices@2023-05-01' = {
  parent: lake
  name: 'default'
  properties: {
    deleteRetentionPolicy: { enabled: true, days: 14 }
    containerDeleteRetentionPolicy: { enabled: true, days: 14 }
  }
}

resource lakeLifecycle 'Microsoft.Storage/storageAccounts/managementPolicies@2023-05-01' = {
  parent: lake
  name: 'default'
  properties: {
    policy: {
      rules: [
        {
          name: 'cool-then-archive-raw'
          enabled: true
          type: 'Lifecycle'
          definition: {
            filters: { blobTypes: ['blockBlob'], prefixMatch: ['bronze/'] }
            actions: {
              baseBlob: {
                tierToCool: { daysAfterModificationGreaterThan: 30 }
                tierToArchive: { daysAfterModificationGreaterThan: 180 }
                delete: { daysAfterModificationGreaterThan: 730 }
              }
            }
          }
        }
      ]
    }
  }
}

resource lakeLock 'Microsoft.Authorization/locks@2020-05-01' = {
  name: 'do-not-delete'
  scope: lake
  properties: { level: 'CanNotDelete', notes: 'The data lake holds the only copy of curated data.' }
}

resource lakeDiag 'Microsoft.Insights/diagnosticSettings@2021-05-01-preview' = {
  name: 'to-log-analytics'
  scope: lakeBlob
  properties: {
    workspaceId: logs.id
    logs: [{ categoryGroup: 'allLogs', enabled: true }]
    metrics: [{ category: 'Transaction', enabled: true }]
  }
}

resource lakeAccountDiag 'Microsoft.Insights/diagnosticSettings@2021-05-01-preview' = {
  name: 'to-log-analytics'
  scope: lake
  properties: {
    workspaceId: logs.id
    metrics: [{ category: 'Transaction', enabled: true }]
  }
}

// ---------------------------------------------------------------- secrets
resource vault 'Microsoft.KeyVault/vaults@2023-07-01' = {
  name: '${prefix}-kv'
  location: location
  tags: tags
  properties: {
    tenantId: subscription().tenantId
    sku: { family: 'A', name: 'standard' }
    enableRbacAuthorization: true
    enableSoftDelete: true
    softDeleteRetentionInDays: 90
    enablePurgeProtection: true
    publicNetworkAccess: 'Disabled'
    networkAcls: { defaultAction: 'Deny', bypass: 'AzureServices' }
  }
}

resource vaultDiag 'Microsoft.Insights/diagnosticSettings@2021-05-01-preview' = {
  name: 'to-log-analytics'
  scope: vault
  properties: {
    workspaceId: logs.id
    logs: [{ categoryGroup: 'audit', enabled: true }]
    metrics: [{ category: 'AllMetrics', enabled: true }]
  }
}

// ---------------------------------------------------------------- streaming ingestion
resource events 'Microsoft.EventHub/namespaces@2024-01-01' = {
  name: '${prefix}-events'
  location: location
  tags: tags
  sku: { name: 'Standard', tier: 'Standard', capacity: 2 }
  properties: {
    zoneRedundant: true
    disableLocalAuth: true
    minimumTlsVersion: '1.2'
    publicNetworkAccess: 'Disabled'
    isAutoInflateEnabled: true
    maximumThroughputUnits: 8
  }
}

resource eventsDiag 'Microsoft.Insights/diagnosticSettings@2021-05-01-preview' = {
  name: 'to-log-analytics'
  scope: events
  properties: {
    workspaceId: logs.id
    logs: [{ categoryGroup: 'allLogs', enabled: true }]
    metrics: [{ category: 'AllMetrics', enabled: true }]
  }
}

// ---------------------------------------------------------------- ingestion pipelines
resource factoryIdentity 'Microsoft.ManagedIdentity/userAssignedIdentities@2023-01-31' = {
  name: '${prefix}-adf-id'
  location: location
  tags: tags
}

resource factoryKey 'Microsoft.KeyVault/vaults/keys@2023-07-01' = {
  parent: vault
  name: 'adf-cmk'
  properties: {
    kty: 'RSA'
    keySize: 3072
    rotationPolicy: {
      attributes: { expiryTime: 'P1Y' }
      lifetimeActions: [{ action: { type: 'rotate' }, trigger: { timeBeforeExpiry: 'P30D' } }]
    }
  }
}

resource factory 'Microsoft.DataFactory/factories@2018-06-01' = {
  name: '${prefix}-adf'
  location: location
  tags: tags
  identity: {
    type: 'SystemAssigned,UserAssigned'
    userAssignedIdentities: { '${factoryIdentity.id}': {} }
  }
  properties: {
    publicNetworkAccess: 'Disabled'
    purviewConfiguration: { purviewResourceId: purview.id }
    encryption: {
      vaultBaseUrl: 'https://${prefix}-kv${environment().suffixes.keyvaultDns}'
      keyName: factoryKey.name
      identity: { userAssignedIdentity: factoryIdentity.id }
    }
    repoConfiguration: {
      type: 'FactoryGitHubConfiguration'
      accountName: 'contoso'
      repositoryName: 'data-pipelines'
      collaborationBranch: 'main'
      rootFolder: '/adf'
    }
  }
}

resource factoryVnet 'Microsoft.DataFactory/factories/managedVirtualNetworks@2018-06-01' = {
  parent: factory
  name: 'default'
  properties: {}
}

resource factoryIr 'Microsoft.DataFactory/factories/integrationRuntimes@2018-06-01' = {
  parent: factory
  name: 'managed-vnet-ir'
  properties: {
    type: 'Managed'
    managedVirtualNetwork: { type: 'ManagedVirtualNetworkReference', referenceName: factoryVnet.name }
    typeProperties: {
      computeProperties: {
        location: 'AutoResolve'
        dataFlowProperties: { computeType: 'General', coreCount: 8, timeToLive: 10 }
      }
    }
  }
}

resource factoryDiag 'Microsoft.Insights/diagnosticSettings@2021-05-01-preview' = {
  name: 'to-log-analytics'
  scope: factory
  properties: {
    workspaceId: logs.id
    logAnalyticsDestinationType: 'Dedicated'
    logs: [{ categoryGroup: 'allLogs', enabled: true }]
    metrics: [{ category: 'AllMetrics', enabled: true }]
  }
}

// ---------------------------------------------------------------- analytics
resource synapse 'Microsoft.Synapse/workspaces@2021-06-01' = {
  name: '${prefix}-syn'
  location: location
  tags: tags
  identity: { type: 'SystemAssigned' }
  properties: {
    defaultDataLakeStorage: {
      accountUrl: 'https://${prefix}lake.dfs.${environment().suffixes.storage}'
      resourceId: lake.id
      filesystem: 'synapse'
      createManagedPrivateEndpoint: true
    }
    managedVirtualNetwork: 'default'
    managedVirtualNetworkSettings: { preventDataExfiltration: true, allowedAadTenantIdsForLinking: [] }
    publicNetworkAccess: 'Disabled'
    azureADOnlyAuthentication: true
    cspWorkspaceAdminProperties: { initialWorkspaceAdminObjectId: synapseAdminGroupId }
    workspaceRepositoryConfiguration: {
      type: 'WorkspaceGitHubConfiguration'
      accountName: 'contoso'
      repositoryName: 'synapse-workspace'
      collaborationBranch: 'main'
      rootFolder: '/'
    }
  }
}

resource spark 'Microsoft.Synapse/workspaces/bigDataPools@2021-06-01' = {
  parent: synapse
  name: 'spark'
  location: location
  tags: tags
  properties: {
    nodeSize: 'Medium'
    nodeSizeFamily: 'MemoryOptimized'
    sparkVersion: '3.5'
    autoPause: { enabled: true, delayInMinutes: 15 }
    autoScale: { enabled: true, minNodeCount: 3, maxNodeCount: 30 }
  }
}

resource synapseAuditing 'Microsoft.Synapse/workspaces/auditingSettings@2021-06-01' = {
  parent: synapse
  name: 'default'
  properties: {
    state: 'Enabled'
    isAzureMonitorTargetEnabled: true
  }
}

resource synapseTls 'Microsoft.Synapse/workspaces/dedicatedSQLminimalTlsSettings@2021-06-01' = {
  parent: synapse
  name: 'default'
  properties: { minimalTlsVersion: '1.2' }
}

resource synapseDiag 'Microsoft.Insights/diagnosticSettings@2021-05-01-preview' = {
  name: 'to-log-analytics'
  scope: synapse
  properties: {
    workspaceId: logs.id
    logs: [{ categoryGroup: 'allLogs', enabled: true }]
  }
}

// ---------------------------------------------------------------- governance
resource purview 'Microsoft.Purview/accounts@2021-12-01' = {
  name: '${prefix}-purview'
  location: location
  tags: tags
  identity: { type: 'SystemAssigned' }
  properties: {
    publicNetworkAccess: 'Disabled'
    managedResourcesPublicNetworkAccess: 'Disabled'
  }
}

resource purviewLock 'Microsoft.Authorization/locks@2020-05-01' = {
  name: 'do-not-delete'
  scope: purview
  properties: { level: 'CanNotDelete', notes: 'The catalog and its lineage cannot be rebuilt.' }
}

resource purviewDiag 'Microsoft.Insights/diagnosticSettings@2021-05-01-preview' = {
  name: 'to-log-analytics'
  scope: purview
  properties: {
    workspaceId: logs.id
    logs: [{ categoryGroup: 'allLogs', enabled: true }]
    metrics: [{ category: 'AllMetrics', enabled: true }]
  }
}

// ---------------------------------------------------------------- private endpoints and DNS
var privateTargets = [
  { name: 'lake-dfs', id: lake.id, group: 'dfs', zone: 'privatelink.dfs.${environment().suffixes.storage}' }
  { name: 'lake-blob', id: lake.id, group: 'blob', zone: 'privatelink.blob.${environment().suffixes.storage}' }
  { name: 'kv', id: vault.id, group: 'vault', zone: 'privatelink.vaultcore.azure.net' }
  { name: 'events', id: events.id, group: 'namespace', zone: 'privatelink.servicebus.windows.net' }
  { name: 'adf', id: factory.id, group: 'dataFactory', zone: 'privatelink.datafactory.azure.net' }
  { name: 'syn-sql', id: synapse.id, group: 'Sql', zone: 'privatelink.sql.azuresynapse.net' }
  { name: 'purview', id: purview.id, group: 'account', zone: 'privatelink.purview.azure.com' }
]
var zoneNames = union(map(privateTargets, t => t.zone), [])

resource endpoints 'Microsoft.Network/privateEndpoints@2023-11-01' = [for t in privateTargets: {
  name: '${prefix}-${t.name}-pe'
  location: location
  tags: tags
  properties: {
    subnet: { id: '${vnet.id}/subnets/private-endpoints' }
    privateLinkServiceConnections: [{ name: t.group, properties: { privateLinkServiceId: t.id, groupIds: [t.group] } }]
  }
}]

resource zones 'Microsoft.Network/privateDnsZones@2020-06-01' = [for z in zoneNames: {
  name: z
  location: 'global'
  tags: tags
}]

resource zoneLinks 'Microsoft.Network/privateDnsZones/virtualNetworkLinks@2020-06-01' = [for (z, i) in zoneNames: {
  parent: zones[i]
  name: '${prefix}-vnet'
  location: 'global'
  properties: { virtualNetwork: { id: vnet.id }, registrationEnabled: false }
}]

resource zoneGroups 'Microsoft.Network/privateEndpoints/privateDnsZoneGroups@2023-11-01' = [for (t, i) in privateTargets: {
  parent: endpoints[i]
  name: 'default'
  properties: {
    privateDnsZoneConfigs: [{ name: 'zone', properties: { privateDnsZoneId: resourceId('Microsoft.Network/privateDnsZones', t.zone) } }]
  }
}]

// ---------------------------------------------------------------- delete locks on the stores
resource vaultLock 'Microsoft.Authorization/locks@2020-05-01' = {
  name: 'do-not-delete'
  scope: vault
  properties: { level: 'CanNotDelete', notes: 'Keys and secrets of the platform.' }
}

resource eventsLock 'Microsoft.Authorization/locks@2020-05-01' = {
  name: 'do-not-delete'
  scope: events
  properties: { level: 'CanNotDelete', notes: 'Deleting the namespace drops unread events.' }
}

resource synapseLock 'Microsoft.Authorization/locks@2020-05-01' = {
  name: 'do-not-delete'
  scope: synapse
  properties: { level: 'CanNotDelete', notes: 'Pipelines, notebooks and SQL pools of the lakehouse.' }
}

// ---------------------------------------------------------------- cost guard
resource budget 'Microsoft.Consumption/budgets@2023-11-01' = {
  name: '${prefix}-monthly'
  properties: {
    category: 'Cost'
    amount: 5000
    timeGrain: 'Monthly'
    timePeriod: { startDate: '2026-12-01' }
    notifications: {
      actual80: { enabled: true, operator: 'GreaterThan', threshold: 80, thresholdType: 'Actual', contactEmails: ['finops@contoso.com'] }
      forecast100: { enabled: true, operator: 'GreaterThan', threshold: 100, thresholdType: 'Forecasted', contactEmails: ['finops@contoso.com'] }
    }
  }
}
