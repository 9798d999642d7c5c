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
          name: 'AzureWebJobsStorage'
          value: 'DefaultEndpointsProtocol=https;AccountName=stfuncordersweu;AccountKey=bm90LWEtcmVhbC1rZXktYnV0LWxvb2tzLWxpa2Utb25lLTEyMzQ1Njc4OTA=;EndpointSuffix=core.windows.net'
        }
      ]
    }
  }
}
