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
    outputErrorPolicy: 'Stop'
    eventsOutOfOrderPolicy: 'Adjust'
    inputs: [
      {
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
              consumerGroupName: 'asa'
              authenticationMode: 'Msi'
            }
          }
        }
      }
    ]
  }
}

resource lakeOutput 'Microsoft.StreamAnalytics/streamingjobs/outputs@2021-10-01-preview' = {
  parent: job
  name: 'bronze'
  properties: {
    serialization: {
      type: 'Parquet'
      properties: {}
    }
    datasource: {
      type: 'Microsoft.Storage/Blob'
      properties: {
        storageAccounts: [
          {
            accountName: 'stlakeprod01'
          }
        ]
        container: 'bronze'
        pathPattern: 'telemetry/{date}'
        authenticationMode: 'Msi'
      }
    }
  }
}
