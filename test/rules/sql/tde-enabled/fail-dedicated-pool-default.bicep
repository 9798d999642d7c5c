// A dedicated SQL pool (formerly SQL DW) is created without TDE: leaving it out leaves it off.
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
  }
}
