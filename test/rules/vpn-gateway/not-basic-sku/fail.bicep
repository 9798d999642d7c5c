resource gatewayIp1 'Microsoft.Network/publicIPAddresses@2023-11-01' = {
  name: 'pip-vpngw-hub-weu-1'
  location: 'westeurope'
  tags: {
    environment: 'prod'
    workload: 'hybrid'
  }
  properties: {
    publicIPAllocationMethod: 'Dynamic'
  }
}

resource vpnGateway 'Microsoft.Network/virtualNetworkGateways@2023-11-01' = {
  name: 'vpngw-hub-weu'
  location: 'westeurope'
  tags: {
    environment: 'prod'
    workload: 'hybrid'
  }
  properties: {
    gatewayType: 'Vpn'
    vpnType: 'RouteBased'
    vpnGatewayGeneration: 'Generation1'
    sku: {
      name: 'Basic'
      tier: 'Basic'
    }
    activeActive: false
    enableBgp: false
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
