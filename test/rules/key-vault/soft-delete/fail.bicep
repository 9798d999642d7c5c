resource keyVault 'Microsoft.KeyVault/vaults@2018-02-14' = {
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
    accessPolicies: [
      {
        tenantId: '11111111-1111-1111-1111-111111111111'
        objectId: '4a3b9e2d-6c71-4f0a-b8d5-2e19c07f6a34'
        permissions: {
          keys: [
            'all'
          ]
          secrets: [
            'all'
          ]
          certificates: [
            'all'
          ]
        }
      }
    ]
    enabledForTemplateDeployment: true
  }
}
