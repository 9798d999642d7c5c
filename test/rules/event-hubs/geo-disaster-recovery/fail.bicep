resource namespace 'Microsoft.EventHub/namespaces@2024-01-01' = {
  name: 'evhns-orders-weu'
  location: 'westeurope'
  tags: {
    environment: 'prod'
    workload: 'cross-region'
  }
  sku: {
    name: 'Standard'
    tier: 'Standard'
    capacity: 2
  }
  properties: {
    zoneRedundant: true
    disableLocalAuth: true
    publicNetworkAccess: 'Disabled'
  }
}
