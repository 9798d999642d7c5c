resource gatewayIp1 'Microsoft.Network/publicIPAddresses@2023-11-01' = {
  name: 'pip-ergw-hub-weu-1'
  location: 'westeurope'
  tags: {
    environment: 'prod'
    workload: 'hybrid'
  }
  sku: {
    name: 'Standard'
  }
  zones: [
    '1'
    '2'
    '3'
  ]
  properties: {
    publicIPAllocationMethod: 'Static'
  }
}

resource erGateway 'Microsoft.Network/virtualNetworkGateways@2023-11-01' = {
  name: 'ergw-hub-weu'
  location: 'westeurope'
  tags: {
    environment: 'prod'
    workload: 'hybrid'
  }
  properties: {
    gatewayType: 'ExpressRoute'
    sku: {
      name: 'ErGw1AZ'
      tier: 'ErGw1AZ'
    }
    ipConfigurations: [
      {
        name: 'ipconfig1'
        properties: {
          privateIPAllocationMethod: 'Dynamic'
          subnet: {
            id: resourceId('Microsoft.Network/virtualNetworks/subnets', 'vnet-hub-weu', 'GatewaySubnet')
          }
          publicIPAddress: {
            id: gatewayIp1.id
          }
        }
      }
    ]
  }
}

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
