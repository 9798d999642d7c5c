resource storageAccount 'Microsoft.Storage/storageAccounts@2023-05-01' = {
  name: 'stappdata01'
  location: 'westeurope'
  tags: {
    environment: 'prod'
    workload: 'hybrid'
  }
  sku: {
    name: 'Standard_LRS'
  }
  kind: 'Storage'
  properties: {
    minimumTlsVersion: 'TLS1_2'
    supportsHttpsTrafficOnly: true
  }
}
