resource failedRequests 'Microsoft.Insights/metricAlerts@2018-03-01' = {
  name: 'scoring-failed-requests'
  location: 'global'
  tags: {
    environment: 'prod'
    workload: 'ml-scoring'
  }
  properties: {
    description: 'Scoring requests are failing'
    severity: 1
    enabled: true
    scopes: [
      '/subscriptions/00000000-0000-0000-0000-000000000000/resourceGroups/rg1/providers/Microsoft.Insights/components/appi-scoring-prod'
    ]
    evaluationFrequency: 'PT1M'
    windowSize: 'PT5M'
    criteria: {
      'odata.type': 'Microsoft.Azure.Monitor.SingleResourceMultipleMetricCriteria'
      allOf: [
        {
          name: 'failed'
          metricName: 'requests/failed'
          operator: 'GreaterThan'
          threshold: 5
          timeAggregation: 'Count'
          criterionType: 'StaticThresholdCriterion'
        }
      ]
    }
    actions: [
      {
        actionGroupId: '/subscriptions/00000000-0000-0000-0000-000000000000/resourceGroups/rg1/providers/Microsoft.Insights/actionGroups/ag-oncall'
      }
    ]
  }
}
