// One region deployed, but the lake account is geo-zone-redundant: its data is copied to the paired
// region, which it can fail over to.
resource lake 'Microsoft.Storage/storageAccounts@2023-05-01' = {
  name: 'stlakeordersweu'
  location: 'westeurope'
  kind: 'StorageV2'
  sku: {
    name: 'Standard_GZRS'
  }
  properties: {
    minimumTlsVersion: 'TLS1_2'
    isHnsEnabled: true
  }
}

resource sqlServer 'Microsoft.Sql/servers@2023-08-01-preview' = {
  name: 'sql-orders-weu'
  location: 'westeurope'
  properties: {
    minimalTlsVersion: '1.2'
  }
}
