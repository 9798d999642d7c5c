resource stordersweu01 'Microsoft.Storage/storageAccounts@2023-05-01' = {
  name: 'stordersweu01'
  location: 'westeurope'
  tags: {
    environment: 'prod'
    workload: 'cross-region'
  }
  sku: {
    name: 'Standard_ZRS'
  }
  kind: 'StorageV2'
  properties: {
    minimumTlsVersion: 'TLS1_2'
    allowBlobPublicAccess: false
    allowSharedKeyAccess: false
  }
}

resource stordersneu01 'Microsoft.Storage/storageAccounts@2023-05-01' = {
  name: 'stordersneu01'
  location: 'northeurope'
  tags: {
    environment: 'prod'
    workload: 'cross-region'
  }
  sku: {
    name: 'Standard_ZRS'
  }
  kind: 'StorageV2'
  properties: {
    minimumTlsVersion: 'TLS1_2'
    allowBlobPublicAccess: false
    allowSharedKeyAccess: false
  }
}
