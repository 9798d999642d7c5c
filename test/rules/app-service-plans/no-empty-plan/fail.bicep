resource plan 'Microsoft.Web/serverfarms@2023-12-01' = {
  name: 'asp-orders-weu'
  location: 'westeurope'
  tags: {
    environment: 'prod'
    workload: 'cross-region'
  }
  kind: 'linux'
  sku: {
    name: 'P1v3'
    tier: 'PremiumV3'
    capacity: 3
  }
  properties: {
    reserved: true
    zoneRedundant: true
  }
}
