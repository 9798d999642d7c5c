// A storage target without retentionDays keeps the audit logs without limit (0 = unlimited).
resource sqlServer 'Microsoft.Sql/servers@2023-08-01-preview' = {
  name: 'sql-orders-weu'
  location: 'westeurope'
  tags: {
    environment: 'prod'
    workload: 'hybrid'
  }
  properties: {
    administrators: {
      administratorType: 'ActiveDirectory'
      principalType: 'Group'
      login: 'sql-admins'
      sid: '4f6a1b2c-3d4e-5f60-7a8b-9c0d1e2f3a4b'
      tenantId: '11111111-1111-1111-1111-111111111111'
      azureADOnlyAuthentication: true
    }
    minimalTlsVersion: '1.2'
    publicNetworkAccess: 'Disabled'
  }
}

resource database 'Microsoft.Sql/servers/databases@2023-08-01-preview' = {
  parent: sqlServer
  name: 'sqldb-orders'
  location: 'westeurope'
  tags: {
    environment: 'prod'
    workload: 'hybrid'
  }
  sku: {
    name: 'GP_Gen5'
    tier: 'GeneralPurpose'
    family: 'Gen5'
    capacity: 2
  }
  properties: {
    collation: 'SQL_Latin1_General_CP1_CI_AS'
    zoneRedundant: true
    requestedBackupStorageRedundancy: 'Geo'
  }
}

resource sqlAuditing 'Microsoft.Sql/servers/auditingSettings@2023-08-01-preview' = {
  parent: sqlServer
  name: 'default'
  properties: {
    state: 'Enabled'
    storageEndpoint: 'https://stsqlaudit01.blob.core.windows.net/'
    isAzureMonitorTargetEnabled: false
    isManagedIdentityInUse: true
  }
}
