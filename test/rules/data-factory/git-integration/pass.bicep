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
    repoConfiguration: {
      type: 'FactoryVSTSConfiguration'
      accountName: 'contoso'
      projectName: 'data-platform'
      repositoryName: 'adf-lake'
      collaborationBranch: 'main'
      rootFolder: '/'
      tenantId: '11111111-1111-1111-1111-111111111111'
    }
  }
}
