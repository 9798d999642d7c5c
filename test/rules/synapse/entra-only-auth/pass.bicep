resource synapseWorkspace 'Microsoft.Synapse/workspaces@2021-06-01' = {
  name: 'synw-lake-dev'
  location: 'westeurope'
  tags: {
    environment: 'dev'
    workload: 'lakehouse'
  }
  identity: {
    type: 'SystemAssigned'
  }
  properties: {
    defaultDataLakeStorage: {
      accountUrl: 'https://stlakedev01.dfs.core.windows.net'
      filesystem: 'synapse'
    }
    azureADOnlyAuthentication: true
    cspWorkspaceAdminProperties: {
      initialWorkspaceAdminObjectId: '7c2e9f41-0b3d-4a8e-95d6-3f1a2b7c8e90'
    }
  }
}
