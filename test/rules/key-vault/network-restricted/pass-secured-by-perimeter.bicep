// Public access left to a network security perimeter's access rules.
resource keyVault 'Microsoft.KeyVault/vaults@2024-11-01' = {
  name: 'kv-app-prod-01'
  location: 'westeurope'
  properties: {
    tenantId: '11111111-1111-1111-1111-111111111111'
    sku: {
      family: 'A'
      name: 'standard'
    }
    enableRbacAuthorization: true
    publicNetworkAccess: 'SecuredByPerimeter'
  }
}
