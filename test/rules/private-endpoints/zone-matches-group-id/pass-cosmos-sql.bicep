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

resource documentsAzureComZone 'Microsoft.Network/privateDnsZones@2020-06-01' = {
  name: 'privatelink.documents.azure.com'
  location: 'global'
  tags: {
    environment: 'prod'
    workload: 'hybrid'
  }
}

resource documentsAzureComZoneLink 'Microsoft.Network/privateDnsZones/virtualNetworkLinks@2020-06-01' = {
  parent: documentsAzureComZone
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
        name: 'privatelink-documents-azure-com'
        properties: {
          privateDnsZoneId: documentsAzureComZone.id
        }
      }
    ]
  }
}
