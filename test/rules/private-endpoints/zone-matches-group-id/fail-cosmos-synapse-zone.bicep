resource privateEndpoint 'Microsoft.Network/privateEndpoints@2023-11-01' = {
  name: 'pe-cosmos-orders-weu'
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
        name: 'sql'
        properties: {
          privateLinkServiceId: resourceId('Microsoft.DocumentDB/databaseAccounts', 'cosmos-orders-weu')
          groupIds: [
            'Sql'
          ]
        }
      }
    ]
  }
}

resource sqlAzuresynapseNetZone 'Microsoft.Network/privateDnsZones@2020-06-01' = {
  name: 'privatelink.sql.azuresynapse.net'
  location: 'global'
  tags: {
    environment: 'prod'
    workload: 'hybrid'
  }
}

resource sqlAzuresynapseNetZoneLink 'Microsoft.Network/privateDnsZones/virtualNetworkLinks@2020-06-01' = {
  parent: sqlAzuresynapseNetZone
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
        name: 'privatelink.sql.azuresynapse.net'
        properties: {
          privateDnsZoneId: sqlAzuresynapseNetZone.id
        }
      }
    ]
  }
}
