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

// Azure endpoints without endpointLocation take the region of their target when deployed.
resource trafficManagerByTarget 'Microsoft.Network/trafficManagerProfiles@2022-04-01' = {
  name: 'tm-billing-xr'
  location: 'global'
  tags: {
    environment: 'prod'
    workload: 'cross-region'
  }
  properties: {
    trafficRoutingMethod: 'Priority'
    dnsConfig: {
      relativeName: 'billing-xr'
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
          priority: 1
        }
      }
      {
        name: 'secondary-northeurope'
        type: 'Microsoft.Network/trafficManagerProfiles/azureEndpoints'
        properties: {
          targetResourceId: resourceId('Microsoft.Web/sites', 'func-orders-neu')
          endpointStatus: 'Enabled'
          priority: 2
        }
      }
    ]
  }
}
