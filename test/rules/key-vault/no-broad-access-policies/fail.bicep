resource vault 'Microsoft.KeyVault/vaults@2023-07-01' = {
  name: 'kv-hybrid-prod'
  location: 'westeurope'
  tags: {
    environment: 'prod'
    workload: 'hybrid'
  }
  properties: {
    tenantId: '11111111-1111-1111-1111-111111111111'
    sku: {
      family: 'A'
      name: 'standard'
    }
    enableRbacAuthorization: false
    enableSoftDelete: true
    enablePurgeProtection: true
    accessPolicies: [
      {
        tenantId: '11111111-1111-1111-1111-111111111111'
        objectId: '5e2a7c1d-3b4f-4a6e-9c8d-0f1e2d3c4b5a'
        permissions: {
          secrets: [
            'all'
          ]
          keys: [
            'get'
            'list'
            'purge'
          ]
        }
      }
    ]
  }
}
