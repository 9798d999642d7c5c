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

resource sqlLinkedService 'Microsoft.DataFactory/factories/linkedservices@2018-06-01' = {
  parent: factory
  name: 'ls-onprem-sql'
  properties: {
    type: 'SqlServer'
    typeProperties: {
      connectionString: 'Data Source=sql01.contoso.local;Initial Catalog=sales;Integrated Security=False;User ID=adf_reader'
      password: {
        type: 'SecureString'
        value: 'Summer2025!'
      }
    }
  }
}

resource lakeLinkedService 'Microsoft.DataFactory/factories/linkedservices@2018-06-01' = {
  parent: factory
  name: 'ls-lake'
  properties: {
    type: 'AzureBlobFS'
    typeProperties: {
      url: 'https://stlakeprod01.dfs.core.windows.net'
      accountKey: {
        type: 'SecureString'
        value: 'bm90LWEtcmVhbC1rZXk='
      }
    }
  }
}
