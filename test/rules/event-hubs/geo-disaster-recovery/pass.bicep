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

resource alias 'Microsoft.EventHub/namespaces/disasterRecoveryConfigs@2024-01-01' = {
  parent: namespace
  name: 'evhns-orders'
  properties: {
    partnerNamespace: '/subscriptions/00000000-0000-0000-0000-000000000000/resourceGroups/rg1/providers/Microsoft.EventHub/namespaces/evhns-orders-neu'
  }
}
