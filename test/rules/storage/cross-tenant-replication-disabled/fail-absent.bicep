resource storageAccount 'Microsoft.Storage/storageAccounts@2023-05-01' = {
  name: 'stlakeprod01'
  location: 'westeurope'
  tags: {
    environment: 'prod'
    workload: 'lakehouse'
  }
  sku: {
    name: 'Standard_ZRS'
  }
  kind: 'StorageV2'
  properties: {
    minimumTlsVersion: 'TLS1_2'
    supportsHttpsTrafficOnly: true
    allowBlobPublicAccess: false
  }
}
