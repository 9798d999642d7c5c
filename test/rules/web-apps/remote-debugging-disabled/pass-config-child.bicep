resource webApp 'Microsoft.Web/sites@2023-12-01' = {
  name: 'app-orders-weu'
  location: 'westeurope'
  tags: {
    environment: 'prod'
    workload: 'cross-region'
  }
  kind: 'app,linux'
  identity: {
    type: 'SystemAssigned'
  }
  properties: {
    serverFarmId: resourceId('Microsoft.Web/serverfarms', 'asp-orders-weu')
    httpsOnly: true
    publicNetworkAccess: 'Disabled'
  }
}

resource webConfig 'Microsoft.Web/sites/config@2023-12-01' = {
  parent: webApp
  name: 'web'
  properties: {
    minTlsVersion: '1.2'
    ftpsState: 'FtpsOnly'
    remoteDebuggingEnabled: false
  }
}
