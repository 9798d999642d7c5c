// A first lakehouse as a learner writes it from the tutorials: everything works, nothing is
// locked down yet. Scan it with: azready scan examples/data-lakehouse/starter --profile data-lakehouse
param location string = resourceGroup().location
param prefix string = 'contoso'

@secure()
param sqlAdminPassword string

resource lake 'Microsoft.Storage/storageAccounts@2023-05-01' = {
  name: '${prefix}lake'
  location: location
  sku: { name: 'Standard_LRS' }
  kind: 'StorageV2'
  properties: {
    isHnsEnabled: true
    accessTier: 'Hot'
    allowBlobPublicAccess: true
    minimumTlsVersion: 'TLS1_0'
  }
}

resource vault 'Microsoft.KeyVault/vaults@2023-07-01' = {
  name: '${prefix}-kv'
  location: location
  properties: {
    tenantId: subscription().tenantId
    sku: { family: 'A', name: 'standard' }
    accessPolicies: []
    softDeleteRetentionInDays: 7
  }
}

resource events 'Microsoft.EventHub/namespaces@2024-01-01' = {
  name: '${prefix}-events'
  location: location
  sku: { name: 'Basic', tier: 'Basic', capacity: 1 }
}

resource factory 'Microsoft.DataFactory/factories@2018-06-01' = {
  name: '${prefix}-adf'
  location: location
  properties: {}
}

resource synapse 'Microsoft.Synapse/workspaces@2021-06-01' = {
  name: '${prefix}-syn'
  location: location
  properties: {
    defaultDataLakeStorage: {
      accountUrl: lake.properties.primaryEndpoints.dfs
      filesystem: 'synapse'
    }
    sqlAdministratorLogin: 'sqladmin'
    sqlAdministratorLoginPassword: sqlAdminPassword
  }
}

resource allowAll 'Microsoft.Synapse/workspaces/firewallRules@2021-06-01' = {
  parent: synapse
  name: 'allowAll'
  properties: { startIpAddress: '0.0.0.0', endIpAddress: '255.255.255.255' }
}

resource spark 'Microsoft.Synapse/workspaces/bigDataPools@2021-06-01' = {
  parent: synapse
  name: 'spark'
  location: location
  properties: {
    nodeCount: 3
    nodeSize: 'Medium'
    nodeSizeFamily: 'MemoryOptimized'
    sparkVersion: '3.3'
  }
}

resource purview 'Microsoft.Purview/accounts@2021-12-01' = {
  name: '${prefix}-purview'
  location: location
  identity: { type: 'SystemAssigned' }
  properties: {}
}

resource logs 'Microsoft.OperationalInsights/workspaces@2023-09-01' = {
  name: '${prefix}-logs'
  location: location
  properties: {
    sku: { name: 'PerGB2018' }
    retentionInDays: 30
  }
}
