// A LogToMetric rule publishes query results as a metric and raises no alert, so it takes no
// action group; only the log alert below is judged.
param workspaceId string = '/subscriptions/00000000-0000-0000-0000-000000000000/resourceGroups/rg1/providers/Microsoft.OperationalInsights/workspaces/log-platform-prod'
param actionGroupId string = '/subscriptions/00000000-0000-0000-0000-000000000000/resourceGroups/rg1/providers/Microsoft.Insights/actionGroups/ag-oncall'

resource toMetric 'Microsoft.Insights/scheduledQueryRules@2023-03-15-preview' = {
  name: 'lm-failed-requests'
  location: 'westeurope'
  kind: 'LogToMetric'
  properties: {
    enabled: true
    scopes: [
      workspaceId
    ]
    criteria: {
      allOf: [
        {
          metricMeasureColumn: 'FailedCount'
          dimensions: []
        }
      ]
    }
  }
}

resource failedRequests 'Microsoft.Insights/scheduledQueryRules@2023-03-15-preview' = {
  name: 'la-failed-requests'
  location: 'westeurope'
  kind: 'LogAlert'
  properties: {
    enabled: true
    severity: 2
    evaluationFrequency: 'PT5M'
    windowSize: 'PT5M'
    scopes: [
      workspaceId
    ]
    criteria: {
      allOf: [
        {
          query: 'AppRequests | where Success == false'
          timeAggregation: 'Count'
          operator: 'GreaterThan'
          threshold: 10
        }
      ]
    }
    actions: {
      actionGroups: [
        actionGroupId
      ]
    }
  }
}
