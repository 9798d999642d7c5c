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

resource sqlPool 'Microsoft.Synapse/workspaces/sqlPools@2021-06-01' = {
  parent: workspace
  name: 'sqldw_gold'
  location: 'westeurope'
  sku: {
    name: 'DW100c'
  }
  properties: {
    collation: 'SQL_Latin1_General_CP1_CI_AS'
    createMode: 'Default'
    storageAccountType: 'GRS'
  }
}

resource geoBackup 'Microsoft.Synapse/workspaces/sqlPools/geoBackupPolicies@2021-06-01' = {
  parent: sqlPool
  name: 'Default'
  properties: {
    state: 'Disabled'
  }
}
