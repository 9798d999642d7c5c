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
    managedResourceGroupName: 'managed-rg-pview-lake-prod'
    managedResourcesPublicNetworkAccess: 'Disabled'
  }
}
