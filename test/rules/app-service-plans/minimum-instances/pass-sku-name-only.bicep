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

resource webApp 'Microsoft.Web/sites@2023-12-01' = {
  name: 'app-orders-weu'
  location: 'westeurope'
  tags: {
    environment: 'prod'
    workload: 'cross-region'
  }
  kind: 'app,linux'
  identity: {
    type: 'SystemAssigned'
  }
  properties: {
    serverFarmId: plan.id
    httpsOnly: true
    siteConfig: {
      linuxFxVersion: 'DOTNETCORE|8.0'
      minTlsVersion: '1.2'
      ftpsState: 'Disabled'
    }
  }
}

// Plans given by SKU name only: consumption and Free plans have no instance count to set.

resource planConsumption 'Microsoft.Web/serverfarms@2023-12-01' = {
  name: 'asp-func-y1'
  location: 'westeurope'
  tags: {
    environment: 'prod'
  }
  sku: {
    name: 'Y1'
  }
  properties: {}
}

resource planFlex 'Microsoft.Web/serverfarms@2023-12-01' = {
  name: 'asp-func-fc1'
  location: 'westeurope'
  tags: {
    environment: 'prod'
  }
  sku: {
    name: 'FC1'
  }
  properties: {}
}

resource planFree 'Microsoft.Web/serverfarms@2023-12-01' = {
  name: 'asp-free'
  location: 'westeurope'
  tags: {
    environment: 'prod'
  }
  sku: {
    name: 'F1'
  }
  properties: {}
}
