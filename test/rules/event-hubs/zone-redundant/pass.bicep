resource ingestNamespace 'Microsoft.EventHub/namespaces@2024-01-01' = {
  name: 'evhns-ingest-dev'
  location: 'westeurope'
  tags: {
    environment: 'dev'
    workload: 'lakehouse'
  }
  sku: {
    name: 'Standard'
    tier: 'Standard'
    capacity: 1
  }
  properties: {
    zoneRedundant: true
    disableLocalAuth: true
  }
}

resource sandboxNamespace 'Microsoft.EventHub/namespaces@2024-01-01' = {
  name: 'evhns-sandbox-dev'
  location: 'westeurope'
  tags: {
    environment: 'dev'
    workload: 'lakehouse'
  }
  sku: {
    name: 'Basic'
    tier: 'Basic'
    capacity: 1
  }
  properties: {}
}
