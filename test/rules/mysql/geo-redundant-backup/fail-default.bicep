@secure()
param administratorLoginPassword string

resource dbIdentity 'Microsoft.ManagedIdentity/userAssignedIdentities@2023-01-31' = {
  name: 'id-mysql-orders'
  location: 'westeurope'
}

resource primary 'Microsoft.DBforMySQL/flexibleServers@2023-12-30' = {
  name: 'mysql-orders-weu'
  location: 'westeurope'
  identity: {
    type: 'UserAssigned'
    userAssignedIdentities: {
      '${dbIdentity.id}': {}
    }
  }
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
    highAvailability: {
      mode: 'ZoneRedundant'
    }
    network: {
      publicNetworkAccess: 'Disabled'
    }
  }
}

resource primaryEntraAdmin 'Microsoft.DBforMySQL/flexibleServers/administrators@2023-12-30' = {
  parent: primary
  name: 'ActiveDirectory'
  properties: {
    administratorType: 'ActiveDirectory'
    login: 'mysql-admins'
    sid: '4f6a1b2c-3d4e-5f60-7a8b-9c0d1e2f3a4b'
    tenantId: '11111111-1111-1111-1111-111111111111'
    identityResourceId: dbIdentity.id
  }
}
