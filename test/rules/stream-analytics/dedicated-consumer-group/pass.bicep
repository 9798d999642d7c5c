resource job 'Microsoft.StreamAnalytics/streamingjobs@2021-10-01-preview' = {
  name: 'asa-ingest-prod'
  location: 'westeurope'
  tags: {
    environment: 'prod'
    workload: 'lakehouse'
  }
  identity: {
    type: 'SystemAssigned'
  }
  properties: {
    sku: {
      name: 'StandardV2'
    }
    compatibilityLevel: '1.2'
    eventsOutOfOrderPolicy: 'Adjust'
    outputErrorPolicy: 'Stop'
  }
}

resource telemetry 'Microsoft.StreamAnalytics/streamingjobs/inputs@2021-10-01-preview' = {
  parent: job
  name: 'telemetry'
  properties: {
    type: 'Stream'
    serialization: {
      type: 'Json'
      properties: {
        encoding: 'UTF8'
      }
    }
    datasource: {
      type: 'Microsoft.EventHub/EventHub'
      properties: {
        serviceBusNamespace: 'evhns-ingest-prod'
        eventHubName: 'telemetry'
        consumerGroupName: 'asa-ingest'
        authenticationMode: 'Msi'
      }
    }
  }
}
