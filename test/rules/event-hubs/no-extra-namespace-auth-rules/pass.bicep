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

resource telemetryHub 'Microsoft.EventHub/namespaces/eventhubs@2024-01-01' = {
  parent: namespace
  name: 'telemetry'
  properties: {
    partitionCount: 4
    messageRetentionInDays: 3
  }
}

resource producerSend 'Microsoft.EventHub/namespaces/eventhubs/authorizationRules@2024-01-01' = {
  parent: telemetryHub
  name: 'producer-send'
  properties: {
    rights: [
      'Send'
    ]
  }
}
