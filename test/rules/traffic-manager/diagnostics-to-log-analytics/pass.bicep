resource trafficManager 'Microsoft.Network/trafficManagerProfiles@2022-04-01' = {
  name: 'tm-orders-xr'
  location: 'global'
  tags: {
    environment: 'prod'
    workload: 'cross-region'
  }
  properties: {
    trafficRoutingMethod: 'Priority'
    dnsConfig: {
      relativeName: 'orders-xr'
      ttl: 30
    }
    monitorConfig: {
      protocol: 'HTTPS'
      port: 443
      path: '/api/health'
      intervalInSeconds: 30
      timeoutInSeconds: 10
      toleratedNumberOfFailures: 3
    }
    endpoints: [
      {
        name: 'primary-westeurope'
        type: 'Microsoft.Network/trafficManagerProfiles/azureEndpoints'
        properties: {
          targetResourceId: resourceId('Microsoft.Web/sites', 'func-orders-weu')
          endpointStatus: 'Enabled'
          endpointLocation: 'westeurope'
          priority: 1
        }
      }
      {
        name: 'secondary-northeurope'
        type: 'Microsoft.Network/trafficManagerProfiles/azureEndpoints'
        properties: {
          targetResourceId: resourceId('Microsoft.Web/sites', 'func-orders-neu')
          endpointStatus: 'Enabled'
          endpointLocation: 'northeurope'
          priority: 2
        }
      }
    ]
  }
}

resource logAnalytics 'Microsoft.OperationalInsights/workspaces@2023-09-01' = {
  name: 'log-platform-prod'
  location: 'westeurope'
  properties: {
    sku: {
      name: 'PerGB2018'
    }
    retentionInDays: 90
  }
}

resource diagnostics 'Microsoft.Insights/diagnosticSettings@2021-05-01-preview' = {
  scope: trafficManager
  name: 'send-to-log-analytics'
  properties: {
    workspaceId: logAnalytics.id
    logs: [
      {
        categoryGroup: 'allLogs'
        enabled: true
      }
    ]
    metrics: [
      {
        category: 'AllMetrics'
        enabled: true
      }
    ]
  }
}
