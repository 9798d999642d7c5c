@secure()
param dbPassword string

resource sqlServer 'Microsoft.Sql/servers@2023-08-01-preview' = {
  name: 'sql-orders-weu'
  location: 'westeurope'
  tags: {
    'cost-center': 'CC-4711'
    environment: 'prod'
    owner: 'data-platform@contoso.com'
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
              secureValue: dbPassword
            }
          ]
        }
      }
    ]
  }
}
