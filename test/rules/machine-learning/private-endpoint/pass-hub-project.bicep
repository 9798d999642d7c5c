// The hub has the private endpoint; its project is reached through it and takes none of its own.
resource hub 'Microsoft.MachineLearningServices/workspaces@2024-04-01' = {
  name: 'hub-scoring-prod'
  location: 'westeurope'
  kind: 'Hub'
  identity: {
    type: 'SystemAssigned'
  }
  properties: {
    publicNetworkAccess: 'Disabled'
    managedNetwork: {
      isolationMode: 'AllowOnlyApprovedOutbound'
    }
  }
}

resource project 'Microsoft.MachineLearningServices/workspaces@2024-04-01' = {
  name: 'proj-fraud-prod'
  location: 'westeurope'
  kind: 'Project'
  identity: {
    type: 'SystemAssigned'
  }
  properties: {
    hubResourceId: hub.id
    publicNetworkAccess: 'Disabled'
  }
}

resource hubEndpoint 'Microsoft.Network/privateEndpoints@2023-11-01' = {
  name: 'pe-hub-scoring-prod'
  location: 'westeurope'
  properties: {
    subnet: {
      id: resourceId('Microsoft.Network/virtualNetworks/subnets', 'vnet-scoring-prod', 'snet-private-endpoints')
    }
    privateLinkServiceConnections: [
      {
        name: 'amlworkspace'
        properties: {
          privateLinkServiceId: hub.id
          groupIds: [
            'amlworkspace'
          ]
        }
      }
    ]
  }
}
