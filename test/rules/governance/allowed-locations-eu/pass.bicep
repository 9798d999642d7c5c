resource storageAccount 'Microsoft.Storage/storageAccounts@2023-05-01' = {
  name: 'stordersweu01'
  location: 'westeurope'
  tags: {
    'cost-center': 'CC-4711'
    environment: 'prod'
    owner: 'data-platform@contoso.com'
  }
  kind: 'StorageV2'
  sku: {
    name: 'Standard_GZRS'
  }
  properties: {
    minimumTlsVersion: 'TLS1_2'
    allowBlobPublicAccess: false
    supportsHttpsTrafficOnly: true
  }
}

resource secondaryStorage 'Microsoft.Storage/storageAccounts@2023-05-01' = {
  name: 'stordersneu01'
  location: 'northeurope'
  tags: {
    'cost-center': 'CC-4711'
    environment: 'prod'
    owner: 'data-platform@contoso.com'
  }
  kind: 'StorageV2'
  sku: {
    name: 'Standard_GZRS'
  }
  properties: {
    minimumTlsVersion: 'TLS1_2'
    allowBlobPublicAccess: false
    supportsHttpsTrafficOnly: true
  }
}

resource trafficManager 'Microsoft.Network/trafficManagerProfiles@2022-04-01' = {
  name: 'tm-orders-xr'
  location: 'global'
  tags: {
    'cost-center': 'CC-4711'
    environment: 'prod'
    owner: 'data-platform@contoso.com'
  }
  properties: {
    trafficRoutingMethod: 'Priority'
    dnsConfig: {
      relativeName: 'orders-xr'
      ttl: 30
    }
    monitorConfig: {
      protocol: 'HTTPS'
      port: 443
      path: '/api/health'
    }
    endpoints: []
  }
}
