resource cosmos 'Microsoft.DocumentDB/databaseAccounts@2024-05-15' = {
  name: 'cosmos-orders-xr'
  location: 'westeurope'
  tags: {
    environment: 'prod'
    workload: 'cross-region'
  }
  kind: 'GlobalDocumentDB'
  properties: {
    databaseAccountOfferType: 'Standard'
    enableAutomaticFailover: true
    disableLocalAuth: true
    publicNetworkAccess: 'Disabled'
    locations: [
      {
        locationName: 'westeurope'
        failoverPriority: 0
        isZoneRedundant: true
      }
      {
        locationName: 'northeurope'
        failoverPriority: 1
        isZoneRedundant: true
      }
    ]
  }
}
