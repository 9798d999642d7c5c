resource sqlServer 'Microsoft.Sql/servers@2023-08-01-preview' = {
  name: 'sql-orders-weu'
  location: 'westeurope'
  tags: {
    'cost-center': 'CC-4711'
    environment: 'prod'
    owner: 'data-platform@contoso.com'
  }
  properties: {
    administratorLogin: 'sqladmin'
    administratorLoginPassword: 'P@ssw0rd-2025!'
    minimalTlsVersion: '1.2'
    publicNetworkAccess: 'Disabled'
  }
}

resource scoring 'Microsoft.ContainerInstance/containerGroups@2023-05-01' = {
  name: 'ci-orders-sync-weu'
  location: 'westeurope'
  tags: {
    'cost-center': 'CC-4711'
    environment: 'prod'
    owner: 'data-platform@contoso.com'
  }
  identity: {
    type: 'SystemAssigned'
  }
  properties: {
    osType: 'Linux'
    restartPolicy: 'OnFailure'
    sku: 'Standard'
    containers: [
      {
        name: 'sync'
        properties: {
          image: 'crordersweu.azurecr.io/orders-sync:1.4.2'
          resources: {
            requests: {
              cpu: 1
              memoryInGB: 2
            }
          }
          environmentVariables: [
            {
              name: 'ORDERS_DB_SERVER'
              value: 'sql-orders-weu.database.windows.net'
            }
            {
              name: 'ORDERS_DB_PASSWORD'
              value: 'P@ssw0rd-2025!'
            }
          ]
        }
      }
    ]
  }
}
