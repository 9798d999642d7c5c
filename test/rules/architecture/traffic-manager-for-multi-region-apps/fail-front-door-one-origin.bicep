// Front Door whose origin group holds only the West Europe app cannot fail over to North Europe.
resource planWeu 'Microsoft.Web/serverfarms@2023-12-01' = {
  name: 'asp-orders-weu'
  location: 'westeurope'
  sku: {
    name: 'P1v3'
  }
}

resource planNeu 'Microsoft.Web/serverfarms@2023-12-01' = {
  name: 'asp-orders-neu'
  location: 'northeurope'
  sku: {
    name: 'P1v3'
  }
}

resource appWeu 'Microsoft.Web/sites@2023-12-01' = {
  name: 'app-orders-weu'
  location: 'westeurope'
  properties: {
    serverFarmId: planWeu.id
    httpsOnly: true
  }
}

resource appNeu 'Microsoft.Web/sites@2023-12-01' = {
  name: 'app-orders-neu'
  location: 'northeurope'
  properties: {
    serverFarmId: planNeu.id
    httpsOnly: true
  }
}

resource frontDoor 'Microsoft.Cdn/profiles@2024-02-01' = {
  name: 'afd-orders'
  location: 'global'
  sku: {
    name: 'Standard_AzureFrontDoor'
  }
}

resource originGroup 'Microsoft.Cdn/profiles/originGroups@2024-02-01' = {
  parent: frontDoor
  name: 'og-orders'
  properties: {
    loadBalancingSettings: {
      sampleSize: 4
      successfulSamplesRequired: 3
    }
    healthProbeSettings: {
      probePath: '/api/health'
      probeProtocol: 'Https'
      probeRequestType: 'GET'
      probeIntervalInSeconds: 30
    }
  }
}

resource originWeu 'Microsoft.Cdn/profiles/originGroups/origins@2024-02-01' = {
  parent: originGroup
  name: 'weu'
  properties: {
    hostName: appWeu.properties.defaultHostName
    originHostHeader: appWeu.properties.defaultHostName
    priority: 1
    weight: 1000
  }
}
