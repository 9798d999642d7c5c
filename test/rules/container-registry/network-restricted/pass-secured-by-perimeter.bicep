// Public access left to a network security perimeter's access rules.
resource registry 'Microsoft.ContainerRegistry/registries@2025-04-01' = {
  name: 'crscoringprod'
  location: 'westeurope'
  sku: {
    name: 'Premium'
  }
  properties: {
    publicNetworkAccess: 'SecuredByPerimeter'
  }
}
