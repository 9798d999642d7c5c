resource namespace 'Microsoft.EventHub/namespaces@2024-01-01' = {
  name: 'evhns-ingest-prod'
  location: 'westeurope'
  tags: {
    environment: 'prod'
    workload: 'lakehouse'
  }
  sku: {
    name: 'Standard'
    tier: 'Standard'
    capacity: 2
  }
  properties: {
    zoneRedundant: true
    disableLocalAuth: false
    minimumTlsVersion: '1.2'
  }
}

resource appsendlisten 'Microsoft.EventHub/namespaces/authorizationRules@2024-01-01' = {
  parent: namespace
  name: 'app-send-listen'
  properties: {
    rights: [
      'Send'
      'Listen'
    ]
  }
}
