resource spokeNetwork 'Microsoft.Network/virtualNetworks@2023-11-01' = {
  name: 'vnet-spoke-orders-weu'
  location: 'westeurope'
  tags: {
    environment: 'prod'
    workload: 'hybrid'
  }
  properties: {
    addressSpace: {
      addressPrefixes: [
        '10.1.0.0/16'
      ]
    }
    subnets: [
      {
        name: 'snet-private-endpoints'
        properties: {
          addressPrefix: '10.1.4.0/24'
        }
      }
    ]
  }
}

resource toHub 'Microsoft.Network/virtualNetworks/virtualNetworkPeerings@2023-11-01' = {
  parent: spokeNetwork
  name: 'peer-to-hub'
  properties: {
    remoteVirtualNetwork: {
      id: resourceId('rg-connectivity', 'Microsoft.Network/virtualNetworks', 'vnet-hub-weu')
    }
    allowVirtualNetworkAccess: true
    allowForwardedTraffic: true
    useRemoteGateways: true
  }
}
