@secure()
param administratorLoginPassword string

resource primary 'Microsoft.DBforPostgreSQL/flexibleServers@2024-08-01' = {
  name: 'psql-orders-weu'
  location: 'westeurope'
  sku: {
    name: 'Standard_D4ds_v5'
    tier: 'GeneralPurpose'
  }
  properties: {
    version: '16'
    storage: {
      storageSizeGB: 128
    }
    administratorLogin: 'dbadmin'
    administratorLoginPassword: administratorLoginPassword
    backup: {
      backupRetentionDays: 14
      geoRedundantBackup: 'Enabled'
    }
    highAvailability: {
      mode: 'ZoneRedundant'
    }
    network: {
      publicNetworkAccess: 'Disabled'
    }
  }
}
