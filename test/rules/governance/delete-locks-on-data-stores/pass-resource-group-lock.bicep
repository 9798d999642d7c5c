resource storageAccount 'Microsoft.Storage/storageAccounts@2023-05-01' = {
  name: 'stordersweu01'
  location: 'westeurope'
  tags: {
    'cost-center': 'CC-4711'
    environment: 'prod'
    owner: 'data-platform@contoso.com'
  }
  kind: 'StorageV2'
  sku: {
    name: 'Standard_GZRS'
  }
  properties: {
    minimumTlsVersion: 'TLS1_2'
    allowBlobPublicAccess: false
    supportsHttpsTrafficOnly: true
  }
}

resource resourceGroupLock 'Microsoft.Authorization/locks@2020-05-01' = {
  name: 'rg-do-not-delete'
  properties: {
    level: 'CanNotDelete'
    notes: 'Production resource group; remove only through a reviewed change.'
  }
}
