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

resource sqlAuditing 'Microsoft.Synapse/workspaces/auditingSettings@2021-06-01' = {
  parent: workspace
  name: 'default'
  properties: {
    state: 'Enabled'
    storageEndpoint: 'https://staudithybrid01.blob.core.windows.net/'
    storageAccountSubscriptionId: '00000000-0000-0000-0000-000000000000'
    retentionDays: 30
    auditActionsAndGroups: [
      'SUCCESSFUL_DATABASE_AUTHENTICATION_GROUP'
      'FAILED_DATABASE_AUTHENTICATION_GROUP'
      'BATCH_COMPLETED_GROUP'
    ]
  }
}
