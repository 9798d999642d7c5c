resource namespace 'Microsoft.EventHub/namespaces@2024-01-01' = {
  name: 'evhns-plant-prod'
  location: 'westeurope'
  tags: {
    environment: 'prod'
    workload: 'hybrid'
  }
  sku: {
    name: 'Premium'
    tier: 'Premium'
    capacity: 1
  }
  identity: {
    type: 'UserAssigned'
    userAssignedIdentities: {
      '/subscriptions/00000000-0000-0000-0000-000000000000/resourceGroups/rg1/providers/Microsoft.ManagedIdentity/userAssignedIdentities/id-evhns-cmk': {}
    }
  }
  properties: {
    zoneRedundant: true
    disableLocalAuth: true
    minimumTlsVersion: '1.2'
    publicNetworkAccess: 'Disabled'
    encryption: {
      keySource: 'Microsoft.KeyVault'
      requireInfrastructureEncryption: true
      keyVaultProperties: [
        {
          keyName: 'evhns-cmk'
          keyVaultUri: 'https://kv-hybrid-prod.vault.azure.net/'
          identity: {
            userAssignedIdentity: '/subscriptions/00000000-0000-0000-0000-000000000000/resourceGroups/rg1/providers/Microsoft.ManagedIdentity/userAssignedIdentities/id-evhns-cmk'
          }
        }
      ]
    }
  }
}
