resource workspace 'Microsoft.Synapse/workspaces@2021-06-01' = {
  name: 'synw-lake-prod'
  location: 'westeurope'
  tags: {
    environment: 'prod'
    workload: 'lakehouse'
  }
  identity: {
    type: 'SystemAssigned'
  }
  properties: {
    defaultDataLakeStorage: {
      accountUrl: 'https://stlakeprod01.dfs.core.windows.net'
      filesystem: 'synapse'
      createManagedPrivateEndpoint: true
    }
    azureADOnlyAuthentication: true
    managedVirtualNetwork: 'default'
    managedVirtualNetworkSettings: {
      preventDataExfiltration: true
      allowedAadTenantIdsForLinking: []
    }
    publicNetworkAccess: 'Disabled'
  }
}

resource workspaceSqlEndpoint 'Microsoft.Network/privateEndpoints@2023-11-01' = {
  name: 'pe-synw-lake-prod-sql'
  location: 'westeurope'
  properties: {
    subnet: {
      id: '/subscriptions/00000000-0000-0000-0000-000000000000/resourceGroups/rg1/providers/Microsoft.Network/virtualNetworks/vnet-hub-prod/subnets/snet-private-endpoints'
    }
    privateLinkServiceConnections: [
      {
        name: 'sql'
        properties: {
          privateLinkServiceId: workspace.id
          groupIds: [
            'Sql'
          ]
        }
      }
    ]
  }
}
