resource storageAccount 'Microsoft.Storage/storageAccounts@2023-05-01' = {
  name: 'stwebassetsdev'
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
    supportsHttpsTrafficOnly: false
    customDomain: {
      name: 'assets.contoso.com'
      useSubDomainName: false
    }
  }
}
