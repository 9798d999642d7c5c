resource eventHubNamespace 'Microsoft.EventHub/namespaces@2024-01-01' = {
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
    minimumTlsVersion: '1.2'
  }
}

resource eventHub 'Microsoft.EventHub/namespaces/eventhubs@2024-01-01' = {
  parent: eventHubNamespace
  name: 'telemetry'
  properties: {
    partitionCount: 4
    messageRetentionInDays: 1
  }
}
