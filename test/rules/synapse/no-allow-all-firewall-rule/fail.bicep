@secure()
param sqlAdministratorLoginPassword string

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
    sqlAdministratorLogin: 'sqladminuser'
    sqlAdministratorLoginPassword: sqlAdministratorLoginPassword
  }
}

resource allowAll 'Microsoft.Synapse/workspaces/firewallRules@2021-06-01' = {
  parent: synapseWorkspace
  name: 'AllowAll'
  properties: {
    startIpAddress: '0.0.0.0'
    endIpAddress: '255.255.255.255'
  }
}
