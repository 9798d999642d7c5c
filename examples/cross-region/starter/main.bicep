// A first "multi-region" design as a learner writes it: one region, one copy, and a Traffic
// Manager profile with nothing behind it yet.
// Scan it with: azready scan examples/cross-region/starter --profile cross-region
param location string = 'eastus'
param prefix string = 'contosoxr'

@secure()
param sqlAdminPassword string

resource data 'Microsoft.Storage/storageAccounts@2023-05-01' = {
  name: '${prefix}data'
  location: location
  sku: { name: 'Standard_LRS' }
  kind: 'StorageV2'
}

resource plan 'Microsoft.Web/serverfarms@2023-12-01' = {
  name: '${prefix}-plan'
  location: location
  sku: { name: 'Y1', tier: 'Dynamic' }
}

resource failover 'Microsoft.Web/sites@2023-12-01' = {
  name: '${prefix}-failover'
  location: location
  kind: 'functionapp'
  properties: {
    serverFarmId: plan.id
    siteConfig: { ftpsState: 'AllAllowed' }
  }
}

resource sql 'Microsoft.Sql/servers@2023-08-01-preview' = {
  name: '${prefix}-sql'
  location: location
  properties: {
    administratorLogin: 'sqladmin'
    administratorLoginPassword: sqlAdminPassword
  }
}

resource db 'Microsoft.Sql/servers/databases@2023-08-01-preview' = {
  parent: sql
  name: 'orders'
  location: location
  sku: { name: 'S0', tier: 'Standard' }
}

resource tm 'Microsoft.Network/trafficManagerProfiles@2022-04-01' = {
  name: '${prefix}-tm'
  location: 'global'
  properties: {
    trafficRoutingMethod: 'Performance'
    dnsConfig: { relativeName: '${prefix}-tm', ttl: 300 }
    monitorConfig: { protocol: 'HTTP', port: 80, path: '/' }
    endpoints: []
  }
}
