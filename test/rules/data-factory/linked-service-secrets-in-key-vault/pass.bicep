resource factory 'Microsoft.DataFactory/factories@2018-06-01' = {
  name: 'adf-lake-prod'
  location: 'westeurope'
  tags: {
    environment: 'prod'
    workload: 'lakehouse'
  }
  identity: {
    type: 'SystemAssigned'
  }
  properties: {
    publicNetworkAccess: 'Disabled'
  }
}

resource keyVaultLinkedService 'Microsoft.DataFactory/factories/linkedservices@2018-06-01' = {
  parent: factory
  name: 'ls-keyvault'
  properties: {
    type: 'AzureKeyVault'
    typeProperties: {
      baseUrl: 'https://kv-lake-prod.vault.azure.net/'
    }
  }
}

resource sqlLinkedService 'Microsoft.DataFactory/factories/linkedservices@2018-06-01' = {
  parent: factory
  name: 'ls-onprem-sql'
  properties: {
    type: 'SqlServer'
    typeProperties: {
      connectionString: 'Data Source=sql01.contoso.local;Initial Catalog=sales;Integrated Security=False;User ID=adf_reader'
      password: {
        type: 'AzureKeyVaultSecret'
        store: {
          referenceName: keyVaultLinkedService.name
          type: 'LinkedServiceReference'
        }
        secretName: 'onprem-sql-password'
      }
    }
  }
}
