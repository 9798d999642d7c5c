resource workspace 'Microsoft.OperationalInsights/workspaces@2025-02-01' = {
  name: 'log-orders-weu'
  location: 'westeurope'
  tags: {
    environment: 'prod'
    workload: 'cross-region'
  }
  properties: {
    sku: {
      name: 'PerGB2018'
    }
    retentionInDays: 90
    features: {
      disableLocalAuth: true
    }
    replication: {
      enabled: true
      location: 'northeurope'
    }
  }
}
