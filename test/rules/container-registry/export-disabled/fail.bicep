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
  properties: {
    adminUserEnabled: false
    anonymousPullEnabled: false
    publicNetworkAccess: 'Disabled'
    networkRuleBypassOptions: 'AzureServices'
  }
}
