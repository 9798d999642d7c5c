resource purview 'Microsoft.Purview/accounts@2021-12-01' = {
  name: 'pview-lake-prod'
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
    managedResourcesPublicNetworkAccess: 'Disabled'
  }
}

resource purviewLock 'Microsoft.Authorization/locks@2020-05-01' = {
  name: 'do-not-delete'
  scope: purview
  properties: {
    level: 'CanNotDelete'
    notes: 'The data catalog, glossary and lineage cannot be recovered once the account is deleted.'
  }
}
