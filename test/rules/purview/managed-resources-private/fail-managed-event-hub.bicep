// A current account with a managed Event Hubs namespace still has a managed resource to close.
resource purview 'Microsoft.Purview/accounts@2024-04-01-preview' = {
  name: 'pview-lake-kafka'
  location: 'westeurope'
  identity: {
    type: 'SystemAssigned'
  }
  properties: {
    publicNetworkAccess: 'Disabled'
    managedEventHubState: 'Enabled'
  }
}
