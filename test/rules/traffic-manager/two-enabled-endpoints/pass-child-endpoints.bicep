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
  }
}

resource primaryWesteurope 'Microsoft.Network/trafficManagerProfiles/azureEndpoints@2022-04-01' = {
  parent: trafficManager
  name: 'primary-westeurope'
  properties: {
    targetResourceId: resourceId('Microsoft.Web/sites', 'func-orders-weu')
    endpointStatus: 'Enabled'
    endpointLocation: 'westeurope'
    priority: 1
  }
}

resource secondaryNortheurope 'Microsoft.Network/trafficManagerProfiles/azureEndpoints@2022-04-01' = {
  parent: trafficManager
  name: 'secondary-northeurope'
  properties: {
    targetResourceId: resourceId('Microsoft.Web/sites', 'func-orders-neu')
    endpointStatus: 'Enabled'
    endpointLocation: 'northeurope'
    priority: 2
  }
}
