@secure()
param administratorLoginPassword string

resource server 'Microsoft.DBforMySQL/flexibleServers@2023-12-30' = {
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
    }
    network: {
      publicNetworkAccess: 'Disabled'
    }
  }
}

resource minTls 'Microsoft.DBforMySQL/flexibleServers/configurations@2023-12-30' = {
  parent: server
  name: 'tls_version'
  properties: {
    value: 'TLSv1.2,TLSv1.3'
    source: 'user-override'
  }
}

resource secureTransport 'Microsoft.DBforMySQL/flexibleServers/configurations@2023-12-30' = {
  parent: server
  name: 'require_secure_transport'
  properties: {
    value: 'ON'
    source: 'user-override'
  }
}
