@secure()
param administratorLoginPassword string

resource primary 'Microsoft.DBforMySQL/flexibleServers@2023-12-30' = {
  name: 'mysql-orders-weu'
  location: 'westeurope'
  sku: {
    name: 'Standard_D4ads_v5'
    tier: 'GeneralPurpose'
  }
  properties: {
    version: '8.0.21'
    administratorLogin: 'dbadmin'
    administratorLoginPassword: administratorLoginPassword
    storage: {
      storageSizeGB: 128
      autoGrow: 'Enabled'
    }
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
