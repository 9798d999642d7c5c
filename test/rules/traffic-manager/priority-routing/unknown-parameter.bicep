@allowed([
  'Priority'
  'Performance'
  'Weighted'
])
param routingMethod string

resource trafficManager 'Microsoft.Network/trafficManagerProfiles@2022-04-01' = {
  name: 'tm-orders-xr'
  location: 'global'
  properties: {
    trafficRoutingMethod: routingMethod
    dnsConfig: {
      relativeName: 'orders-xr'
      ttl: 30
    }
    monitorConfig: {
      protocol: 'HTTPS'
      port: 443
      path: '/api/health'
    }
  }
}
