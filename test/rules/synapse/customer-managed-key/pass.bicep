resource workspace 'Microsoft.Synapse/workspaces@2021-06-01' = {
  name: 'syn-hybrid-prod'
  location: 'westeurope'
  tags: {
    environment: 'prod'
    workload: 'hybrid'
  }
  identity: {
    type: 'SystemAssigned'
  }
  properties: {
    defaultDataLakeStorage: {
      accountUrl: 'https://sthybridlake01.dfs.core.windows.net'
      filesystem: 'synapse'
    }
    managedVirtualNetwork: 'default'
    managedVirtualNetworkSettings: {
      preventDataExfiltration: true
    }
    publicNetworkAccess: 'Disabled'
    azureADOnlyAuthentication: true
    encryption: {
      cmk: {
        key: {
          name: 'synapse-cmk'
          keyVaultUrl: 'https://kv-hybrid-prod.vault.azure.net/keys/synapse-cmk'
        }
        kekIdentity: {
          useSystemAssignedIdentity: true
        }
      }
    }
  }
}
