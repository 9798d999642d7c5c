resource plan 'Microsoft.Web/serverfarms@2023-12-01' = {
  name: 'asp-orders-weu'
  location: 'westeurope'
  tags: {
    environment: 'prod'
    workload: 'cross-region'
  }
  kind: 'linux'
  sku: {
    name: 'P1v3'
    tier: 'PremiumV3'
    capacity: 3
  }
  properties: {
    reserved: true
    zoneRedundant: true
  }
}

resource webApp 'Microsoft.Web/sites@2023-12-01' = {
  name: 'app-orders-weu'
  location: 'westeurope'
  tags: {
    environment: 'prod'
    workload: 'cross-region'
  }
  kind: 'app,linux'
  identity: {
    type: 'SystemAssigned'
  }
  properties: {
    serverFarmId: plan.id
    httpsOnly: true
    siteConfig: {
      linuxFxVersion: 'DOTNETCORE|8.0'
      minTlsVersion: '1.2'
      ftpsState: 'Disabled'
    }
  }
}

resource planAutoscale 'Microsoft.Insights/autoscaleSettings@2022-10-01' = {
  name: 'autoscale-asp-orders-weu'
  location: 'westeurope'
  tags: {
    environment: 'prod'
    workload: 'cross-region'
  }
  properties: {
    enabled: true
    targetResourceUri: plan.id
    profiles: [
      {
        name: 'default'
        capacity: {
          minimum: '3'
          maximum: '10'
          default: '3'
        }
        rules: [
          {
            metricTrigger: {
              metricName: 'CpuPercentage'
              metricResourceUri: plan.id
              timeGrain: 'PT1M'
              statistic: 'Average'
              timeWindow: 'PT10M'
              timeAggregation: 'Average'
              operator: 'GreaterThan'
              threshold: 70
            }
            scaleAction: {
              direction: 'Increase'
              type: 'ChangeCount'
              value: '1'
              cooldown: 'PT10M'
            }
          }
          {
            metricTrigger: {
              metricName: 'CpuPercentage'
              metricResourceUri: plan.id
              timeGrain: 'PT1M'
              statistic: 'Average'
              timeWindow: 'PT20M'
              timeAggregation: 'Average'
              operator: 'LessThan'
              threshold: 30
            }
            scaleAction: {
              direction: 'Decrease'
              type: 'ChangeCount'
              value: '1'
              cooldown: 'PT20M'
            }
          }
        ]
      }
    ]
  }
}

// Plans given by SKU name only: consumption, Free, Basic and Elastic Premium do not take autoscale settings.

resource planConsumption 'Microsoft.Web/serverfarms@2023-12-01' = {
  name: 'asp-func-y1'
  location: 'westeurope'
  tags: {
    environment: 'prod'
  }
  sku: {
    name: 'Y1'
  }
  properties: {}
}

resource planFlex 'Microsoft.Web/serverfarms@2023-12-01' = {
  name: 'asp-func-fc1'
  location: 'westeurope'
  tags: {
    environment: 'prod'
  }
  sku: {
    name: 'FC1'
  }
  properties: {}
}

resource planFree 'Microsoft.Web/serverfarms@2023-12-01' = {
  name: 'asp-free'
  location: 'westeurope'
  tags: {
    environment: 'prod'
  }
  sku: {
    name: 'F1'
  }
  properties: {}
}

resource planBasic 'Microsoft.Web/serverfarms@2023-12-01' = {
  name: 'asp-basic'
  location: 'westeurope'
  tags: {
    environment: 'prod'
  }
  sku: {
    name: 'B1'
  }
  properties: {}
}

resource planElastic 'Microsoft.Web/serverfarms@2023-12-01' = {
  name: 'asp-func-ep1'
  location: 'westeurope'
  tags: {
    environment: 'prod'
  }
  sku: {
    name: 'EP1'
  }
  properties: {}
}
