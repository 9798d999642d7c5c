resource factory 'Microsoft.DataFactory/factories@2018-06-01' = {
  name: 'adf-lake-prod'
  location: 'westeurope'
  identity: {
    type: 'SystemAssigned,UserAssigned'
    userAssignedIdentities: {
      '/subscriptions/00000000-0000-0000-0000-000000000000/resourceGroups/rg1/providers/Microsoft.ManagedIdentity/userAssignedIdentities/id-adf-lake-prod': {}
    }
  }
  properties: {
    publicNetworkAccess: 'Disabled'
    encryption: {
      vaultBaseUrl: 'https://kv-lake-prod.vault.azure.net/'
      keyName: 'adf-cmk'
      identity: {
        userAssignedIdentity: '/subscriptions/00000000-0000-0000-0000-000000000000/resourceGroups/rg1/providers/Microsoft.ManagedIdentity/userAssignedIdentities/id-adf-lake-prod'
      }
    }
  }
}
