resource storageAccount 'Microsoft.Storage/storageAccounts@2023-05-01' = {
  name: 'stlakedev01'
  location: 'westeurope'
  tags: {
    environment: 'dev'
    workload: 'lakehouse'
  }
  sku: {
    name: 'Standard_LRS'
  }
  kind: 'StorageV2'
  properties: {
    accessTier: 'Hot'
  }
}
