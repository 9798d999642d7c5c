resource functionApp 'Microsoft.Web/sites@2023-12-01' = {
  name: 'func-orders-weu'
  location: 'westeurope'
  tags: {
    'cost-center': 'CC-4711'
    environment: 'prod'
    owner: 'data-platform@contoso.com'
  }
  kind: 'functionapp,linux'
  identity: {
    type: 'SystemAssigned'
  }
  properties: {
    serverFarmId: resourceId('Microsoft.Web/serverfarms', 'asp-orders-weu')
    httpsOnly: true
    siteConfig: {
      linuxFxVersion: 'DOTNET-ISOLATED|8.0'
      minTlsVersion: '1.2'
      ftpsState: 'Disabled'
      appSettings: [
        {
          name: 'FUNCTIONS_EXTENSION_VERSION'
          value: '~4'
        }
        {
          name: 'FUNCTIONS_WORKER_RUNTIME'
          value: 'dotnet-isolated'
        }
        {
          name: 'AzureWebJobsStorage__accountName'
          value: 'stfuncordersweu'
        }
        {
          name: 'APPLICATIONINSIGHTS_CONNECTION_STRING'
          value: 'InstrumentationKey=0b7c1d2e-3f4a-4b5c-8d6e-7f8a9b0c1d2e;IngestionEndpoint=https://westeurope-5.in.applicationinsights.azure.com/'
        }
        {
          name: 'ORDERS_API_SECRET'
          value: '@Microsoft.KeyVault(SecretUri=https://kv-orders-weu.vault.azure.net/secrets/orders-api-secret/)'
        }
      ]
    }
  }
}
