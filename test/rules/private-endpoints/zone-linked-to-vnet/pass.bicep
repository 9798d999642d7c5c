resource databaseWindowsNetZone 'Microsoft.Network/privateDnsZones@2020-06-01' = {
  name: 'privatelink.database.windows.net'
  location: 'global'
  tags: {
    environment: 'prod'
    workload: 'hybrid'
  }
}

resource databaseWindowsNetZoneLink 'Microsoft.Network/privateDnsZones/virtualNetworkLinks@2020-06-01' = {
  parent: databaseWindowsNetZone
  name: 'link-vnet-hub-weu'
  location: 'global'
  tags: {
    environment: 'prod'
    workload: 'hybrid'
  }
  properties: {
    virtualNetwork: {
      id: resourceId('Microsoft.Network/virtualNetworks', 'vnet-hub-weu')
    }
    registrationEnabled: false
  }
}
