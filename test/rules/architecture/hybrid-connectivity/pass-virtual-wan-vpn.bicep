// A Virtual WAN hub with a VPN gateway connected to an on-premises site.
resource wan 'Microsoft.Network/virtualWans@2023-11-01' = {
  name: 'vwan-core'
  location: 'westeurope'
  properties: {
    type: 'Standard'
  }
}

resource hub 'Microsoft.Network/virtualHubs@2023-11-01' = {
  name: 'vhub-weu'
  location: 'westeurope'
  properties: {
    addressPrefix: '10.100.0.0/23'
    virtualWan: {
      id: wan.id
    }
  }
}

resource site 'Microsoft.Network/vpnSites@2023-11-01' = {
  name: 'site-datacenter-ams'
  location: 'westeurope'
  properties: {
    virtualWan: {
      id: wan.id
    }
    addressSpace: {
      addressPrefixes: [
        '192.168.0.0/16'
      ]
    }
    ipAddress: '203.0.113.10'
  }
}

resource vpnGateway 'Microsoft.Network/vpnGateways@2023-11-01' = {
  name: 'vpngw-vhub-weu'
  location: 'westeurope'
  properties: {
    virtualHub: {
      id: hub.id
    }
    connections: [
      {
        name: 'conn-datacenter-ams'
        properties: {
          remoteVpnSite: {
            id: site.id
          }
        }
      }
    ]
  }
}

resource sharedServices 'Microsoft.Network/virtualNetworks@2023-11-01' = {
  name: 'vnet-shared-weu'
  location: 'westeurope'
  properties: {
    addressSpace: {
      addressPrefixes: [
        '10.30.0.0/16'
      ]
    }
  }
}
