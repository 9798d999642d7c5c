// Public access left to a network security perimeter's access rules.
resource storageAccount 'Microsoft.Storage/storageAccounts@2024-01-01' = {
  name: 'stlakeprod01'
  location: 'westeurope'
  sku: {
    name: 'Standard_ZRS'
  }
  kind: 'StorageV2'
  properties: {
    publicNetworkAccess: 'SecuredByPerimeter'
  }
}
