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
    isAutoInflateEnabled: true
    maximumThroughputUnits: 4
    zoneRedundant: true
  }
}

resource auditNamespace 'Microsoft.EventHub/namespaces@2024-01-01' = {
  name: 'evhns-audit-dev'
  location: 'westeurope'
  tags: {
    environment: 'dev'
    workload: 'lakehouse'
  }
  sku: {
    name: 'Standard'
    tier: 'Standard'
    capacity: 2
  }
  properties: {
    isAutoInflateEnabled: false
  }
}
