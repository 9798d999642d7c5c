// Public access left to a network security perimeter's access rules.
resource eventHubNamespace 'Microsoft.EventHub/namespaces@2024-01-01' = {
  name: 'evhns-ingest-prod'
  location: 'westeurope'
  sku: {
    name: 'Standard'
    tier: 'Standard'
    capacity: 1
  }
  properties: {
    publicNetworkAccess: 'SecuredByPerimeter'
  }
}
