// Log search alert in the 2018-04-16 shape: the action group sits in action.aznsAction.
resource workspace 'Microsoft.OperationalInsights/workspaces@2023-09-01' existing = {
  name: 'log-platform-prod'
}

resource opsTeam 'Microsoft.Insights/actionGroups@2023-01-01' existing = {
  name: 'ag-ops-prod'
}

resource failedJobs 'Microsoft.Insights/scheduledQueryRules@2018-04-16' = {
  name: 'alert-failed-ingestion-jobs'
  location: 'westeurope'
  properties: {
    description: 'Ingestion jobs that failed in the last 15 minutes'
    enabled: 'true'
    source: {
      query: 'ADFActivityRun | where Status == "Failed"'
      dataSourceId: workspace.id
      queryType: 'ResultCount'
    }
    schedule: {
      frequencyInMinutes: 15
      timeWindowInMinutes: 15
    }
    action: {
      'odata.type': 'Microsoft.WindowsAzure.Management.Monitoring.Alerts.Models.Microsoft.AppInsights.Nexus.DataContracts.Resources.ScheduledQueryRules.AlertingAction'
      severity: '2'
      aznsAction: {
        actionGroup: [
          opsTeam.id
        ]
        emailSubject: 'Ingestion job failed'
      }
      trigger: {
        thresholdOperator: 'GreaterThan'
        threshold: 0
      }
    }
  }
}

// A LogToMetricAction rule publishes a metric and raises no alert: not judged.
resource heartbeatMetric 'Microsoft.Insights/scheduledQueryRules@2018-04-16' = {
  name: 'metric-heartbeat'
  location: 'westeurope'
  properties: {
    enabled: 'true'
    source: {
      dataSourceId: workspace.id
    }
    action: {
      'odata.type': 'Microsoft.WindowsAzure.Management.Monitoring.Alerts.Models.Microsoft.AppInsights.Nexus.DataContracts.Resources.ScheduledQueryRules.LogToMetricAction'
      criteria: [
        {
          metricName: 'Heartbeat'
          dimensions: []
        }
      ]
    }
  }
}
