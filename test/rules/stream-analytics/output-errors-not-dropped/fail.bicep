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
    outputErrorPolicy: 'Drop'
  }
}
