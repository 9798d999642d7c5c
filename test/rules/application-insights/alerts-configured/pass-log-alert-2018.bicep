resource appInsights 'Microsoft.Insights/components@2020-02-02' = {
  name: 'appi-scoring-prod'
  location: 'westeurope'
  tags: {
    environment: 'prod'
    workload: 'ml-scoring'
  }
  kind: 'web'
  properties: {
    Application_Type: 'web'
    WorkspaceResourceId: '/subscriptions/00000000-0000-0000-0000-000000000000/resourceGroups/rg1/providers/Microsoft.OperationalInsights/workspaces/log-platform-prod'
    IngestionMode: 'LogAnalytics'
    DisableLocalAuth: true
    publicNetworkAccessForIngestion: 'Disabled'
    publicNetworkAccessForQuery: 'Disabled'
  }
}

// A log search alert of apiVersion 2018-04-16 names the component as its data source.
resource exceptionsAlert 'Microsoft.Insights/scheduledQueryRules@2018-04-16' = {
  name: 'scoring-exceptions'
  location: 'westeurope'
  properties: {
    description: 'The scoring API throws exceptions'
    enabled: 'true'
    source: {
      query: 'exceptions | where timestamp > ago(5m)'
      dataSourceId: appInsights.id
      queryType: 'ResultCount'
    }
    schedule: {
      frequencyInMinutes: 5
      timeWindowInMinutes: 5
    }
    action: {
      'odata.type': 'Microsoft.WindowsAzure.Management.Monitoring.Alerts.Models.Microsoft.AppInsights.Nexus.DataContracts.Resources.ScheduledQueryRules.AlertingAction'
      severity: '2'
      aznsAction: {
        actionGroup: [
          '/subscriptions/00000000-0000-0000-0000-000000000000/resourceGroups/rg1/providers/Microsoft.Insights/actionGroups/ag-ml-oncall'
        ]
      }
      trigger: {
        thresholdOperator: 'GreaterThan'
        threshold: 0
      }
    }
  }
}
