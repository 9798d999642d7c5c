resource circuit 'Microsoft.Network/expressRouteCircuits@2023-11-01' = {
  name: 'erc-ams-equinix'
  location: 'westeurope'
  tags: {
    environment: 'prod'
    workload: 'hybrid'
  }
  sku: {
    name: 'Standard_MeteredData'
  }
  properties: {
    serviceProviderProperties: {
      serviceProviderName: 'Equinix'
      peeringLocation: 'Amsterdam'
      bandwidthInMbps: 1000
    }
    allowClassicOperations: false
  }
}
