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
    networkAcls: {
      defaultAction: 'Deny'
      bypass: 'AzureServices'
      ipRules: [
        {
          value: '203.0.113.0/24'
          action: 'Allow'
        }
        {
          value: '0.0.0.0/0'
          action: 'Allow'
        }
      ]
    }
  }
}
