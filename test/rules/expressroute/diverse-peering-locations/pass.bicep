resource circuit 'Microsoft.Network/expressRouteCircuits@2023-11-01' = {
  name: 'erc-ams-equinix'
  location: 'westeurope'
  tags: {
    environment: 'prod'
    workload: 'hybrid'
  }
  sku: {
    name: 'Standard_MeteredData'
    tier: 'Standard'
    family: 'MeteredData'
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

resource circuitSecondary 'Microsoft.Network/expressRouteCircuits@2023-11-01' = {
  name: 'erc-fra-megaport'
  location: 'westeurope'
  tags: {
    environment: 'prod'
    workload: 'hybrid'
  }
  sku: {
    name: 'Standard_MeteredData'
    tier: 'Standard'
    family: 'MeteredData'
  }
  properties: {
    serviceProviderProperties: {
      serviceProviderName: 'Megaport'
      peeringLocation: 'Frankfurt'
      bandwidthInMbps: 1000
    }
    allowClassicOperations: false
  }
}
