resource purview 'Microsoft.Purview/accounts@2021-12-01' = {
  name: 'pview-lake-prod'
  location: 'westeurope'
  tags: {
    environment: 'prod'
    workload: 'lakehouse'
  }
  identity: {
    type: 'SystemAssigned'
  }
  properties: {
    publicNetworkAccess: 'Disabled'
    managedResourcesPublicNetworkAccess: 'Disabled'
  }
}

resource purviewAccountEndpoint 'Microsoft.Network/privateEndpoints@2023-11-01' = {
  name: 'pe-pview-lake-prod-account'
  location: 'westeurope'
  properties: {
    subnet: {
      id: '/subscriptions/00000000-0000-0000-0000-000000000000/resourceGroups/rg1/providers/Microsoft.Network/virtualNetworks/vnet-hub-prod/subnets/snet-private-endpoints'
    }
    privateLinkServiceConnections: [
      {
        name: 'account'
        properties: {
          privateLinkServiceId: purview.id
          groupIds: [
            'account'
          ]
        }
      }
    ]
  }
}
