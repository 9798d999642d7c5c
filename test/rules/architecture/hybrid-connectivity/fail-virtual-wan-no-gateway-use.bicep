// A spoke connected to a Virtual WAN hub but barred from using the hub's gateways.
resource spoke 'Microsoft.Network/virtualNetworks@2023-11-01' = {
  name: 'vnet-spoke-lake-weu'
  location: 'westeurope'
  properties: {
    addressSpace: {
      addressPrefixes: [
        '10.20.0.0/16'
      ]
    }
  }
}

resource hubConnection 'Microsoft.Network/virtualHubs/hubVirtualNetworkConnections@2023-11-01' = {
  name: 'vhub-weu/conn-spoke-lake-weu'
  properties: {
    remoteVirtualNetwork: {
      id: spoke.id
    }
    allowRemoteVnetToUseHubVnetGateways: false
  }
}
