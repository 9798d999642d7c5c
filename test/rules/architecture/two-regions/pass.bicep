resource stlakeordersweu 'Microsoft.Storage/storageAccounts@2023-05-01' = {
  name: 'stlakeordersweu'
  location: 'westeurope'
  tags: {
    environment: 'prod'
    workload: 'cross-region'
  }
  kind: 'StorageV2'
  sku: {
    name: 'Standard_GZRS'
  }
  properties: {
    minimumTlsVersion: 'TLS1_2'
    allowBlobPublicAccess: false
    isHnsEnabled: true
    publicNetworkAccess: 'Disabled'
  }
}

resource stlakeordersneu 'Microsoft.Storage/storageAccounts@2023-05-01' = {
  name: 'stlakeordersneu'
  location: 'northeurope'
  tags: {
    environment: 'prod'
    workload: 'cross-region'
  }
  kind: 'StorageV2'
  sku: {
    name: 'Standard_ZRS'
  }
  properties: {
    minimumTlsVersion: 'TLS1_2'
    allowBlobPublicAccess: false
    isHnsEnabled: true
    publicNetworkAccess: 'Disabled'
  }
}
