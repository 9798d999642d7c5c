resource functionApp 'Microsoft.Web/sites@2023-12-01' = {
  name: 'func-orders-weu'
  location: 'westeurope'
  tags: {
    environment: 'prod'
    workload: 'cross-region'
  }
  kind: 'functionapp,linux'
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
  parent: functionApp
  name: 'web'
  properties: {
    minTlsVersion: '1.2'
    ftpsState: 'FtpsOnly'
    remoteDebuggingEnabled: false
  }
}
