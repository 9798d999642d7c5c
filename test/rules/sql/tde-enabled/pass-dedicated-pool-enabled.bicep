resource sqlServer 'Microsoft.Sql/servers@2023-08-01-preview' = {
  name: 'sql-dw-weu'
  location: 'westeurope'
  properties: {
    minimalTlsVersion: '1.2'
  }
}

resource warehouse 'Microsoft.Sql/servers/databases@2023-08-01-preview' = {
  parent: sqlServer
  name: 'sqldw-sales'
  location: 'westeurope'
  sku: {
    name: 'DW100c'
    tier: 'DataWarehouse'
  }
}

resource warehouseTde 'Microsoft.Sql/servers/databases/transparentDataEncryption@2023-08-01-preview' = {
  parent: warehouse
  name: 'current'
  properties: {
    state: 'Enabled'
  }
}
