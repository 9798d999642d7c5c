resource privateEndpoint 'Microsoft.Network/privateEndpoints@2023-11-01' = {
  name: 'pe-sql-orders-weu'
  location: 'westeurope'
  tags: {
    environment: 'prod'
    workload: 'hybrid'
  }
  properties: {
    subnet: {
      id: resourceId('Microsoft.Network/virtualNetworks/subnets', 'vnet-hub-weu', 'snet-private-endpoints')
    }
    privateLinkServiceConnections: [
      {
        name: 'sqlserver'
        properties: {
          privateLinkServiceId: resourceId('Microsoft.Sql/servers', 'sql-orders-weu')
          groupIds: [
            'sqlServer'
          ]
        }
      }
    ]
  }
}

resource blobCoreWindowsNetZone 'Microsoft.Network/privateDnsZones@2020-06-01' = {
  name: 'privatelink.blob.core.windows.net'
  location: 'global'
  tags: {
    environment: 'prod'
    workload: 'hybrid'
  }
}

resource blobCoreWindowsNetZoneLink 'Microsoft.Network/privateDnsZones/virtualNetworkLinks@2020-06-01' = {
  parent: blobCoreWindowsNetZone
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

resource zoneGroup 'Microsoft.Network/privateEndpoints/privateDnsZoneGroups@2023-11-01' = {
  parent: privateEndpoint
  name: 'default'
  properties: {
    privateDnsZoneConfigs: [
      {
        name: 'privatelink-blob-core-windows-net'
        properties: {
          privateDnsZoneId: blobCoreWindowsNetZone.id
        }
      }
    ]
  }
}
