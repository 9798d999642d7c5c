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
  }
}

resource jobAutoscale 'Microsoft.Insights/autoscalesettings@2022-10-01' = {
  name: 'autoscale-asa-ingest-prod'
  location: 'westeurope'
  properties: {
    enabled: true
    targetResourceUri: job.id
    profiles: [
      {
        name: 'scale-on-su-utilization'
        capacity: {
          minimum: '3'
          maximum: '30'
          default: '3'
        }
        rules: [
          {
            metricTrigger: {
              metricName: 'ResourceUtilization'
              metricResourceUri: job.id
              timeGrain: 'PT1M'
              statistic: 'Average'
              timeWindow: 'PT10M'
              timeAggregation: 'Average'
              operator: 'GreaterThan'
              threshold: 80
            }
            scaleAction: {
              direction: 'Increase'
              type: 'ChangeCount'
              value: '3'
              cooldown: 'PT10M'
            }
          }
          {
            metricTrigger: {
              metricName: 'ResourceUtilization'
              metricResourceUri: job.id
              timeGrain: 'PT1M'
              statistic: 'Average'
              timeWindow: 'PT30M'
              timeAggregation: 'Average'
              operator: 'LessThan'
              threshold: 30
            }
            scaleAction: {
              direction: 'Decrease'
              type: 'ChangeCount'
              value: '3'
              cooldown: 'PT30M'
            }
          }
        ]
      }
    ]
  }
}
