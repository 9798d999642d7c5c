// An account deployed with apiVersion 2023-05-01-preview or later has no managed storage account
// in the subscription; without a managed Event Hubs namespace there is nothing to close, so only
// the classic account below is judged.
resource purviewNew 'Microsoft.Purview/accounts@2024-04-01-preview' = {
  name: 'pview-lake-new'
  location: 'westeurope'
  identity: {
    type: 'SystemAssigned'
  }
  properties: {
    publicNetworkAccess: 'Disabled'
  }
}

resource purviewClassic 'Microsoft.Purview/accounts@2021-12-01' = {
  name: 'pview-lake-classic'
  location: 'westeurope'
  identity: {
    type: 'SystemAssigned'
  }
  properties: {
    publicNetworkAccess: 'Disabled'
    managedResourcesPublicNetworkAccess: 'Disabled'
  }
}
