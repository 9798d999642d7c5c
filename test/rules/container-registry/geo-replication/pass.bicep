resource registry 'Microsoft.ContainerRegistry/registries@2023-07-01' = {
  name: 'crscoringprod'
  location: 'westeurope'
  tags: {
    environment: 'prod'
    workload: 'ml-scoring'
  }
  sku: {
    name: 'Premium'
  }
  identity: {
    type: 'SystemAssigned'
  }
  properties: {
    adminUserEnabled: false
    anonymousPullEnabled: false
    publicNetworkAccess: 'Disabled'
    networkRuleBypassOptions: 'AzureServices'
    policies: {
      retentionPolicy: {
        status: 'enabled'
        days: 7
      }
    }
  }
}

resource replica 'Microsoft.ContainerRegistry/registries/replications@2023-07-01' = {
  parent: registry
  name: 'northeurope'
  location: 'northeurope'
  properties: {
    regionEndpointEnabled: true
    zoneRedundancy: 'Enabled'
  }
}
