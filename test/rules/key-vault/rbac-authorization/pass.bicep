resource keyVault 'Microsoft.KeyVault/vaults@2023-07-01' = {
  name: 'kv-app-dev-01'
  location: 'westeurope'
  tags: {
    environment: 'dev'
    workload: 'lakehouse'
  }
  properties: {
    tenantId: '11111111-1111-1111-1111-111111111111'
    sku: {
      family: 'A'
      name: 'standard'
    }
    enableRbacAuthorization: true
  }
}
