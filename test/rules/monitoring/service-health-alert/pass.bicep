resource stordersweu01 'Microsoft.Storage/storageAccounts@2023-05-01' = {
  name: 'stordersweu01'
  location: 'westeurope'
  tags: {
    environment: 'prod'
    workload: 'cross-region'
  }
  sku: {
    name: 'Standard_ZRS'
  }
  kind: 'StorageV2'
  properties: {
    minimumTlsVersion: 'TLS1_2'
    allowBlobPublicAccess: false
    allowSharedKeyAccess: false
  }
}

resource stordersneu01 'Microsoft.Storage/storageAccounts@2023-05-01' = {
  name: 'stordersneu01'
  location: 'northeurope'
  tags: {
    environment: 'prod'
    workload: 'cross-region'
  }
  sku: {
    name: 'Standard_ZRS'
  }
  kind: 'StorageV2'
  properties: {
    minimumTlsVersion: 'TLS1_2'
    allowBlobPublicAccess: false
    allowSharedKeyAccess: false
  }
}

resource serviceHealth 'Microsoft.Insights/activityLogAlerts@2020-10-01' = {
  name: 'service-health-orders'
  location: 'global'
  tags: {
    environment: 'prod'
    workload: 'cross-region'
  }
  properties: {
    enabled: true
    scopes: [
      '/subscriptions/00000000-0000-0000-0000-000000000000'
    ]
    condition: {
      allOf: [
        {
          field: 'category'
          equals: 'ServiceHealth'
        }
        {
          field: 'properties.incidentType'
          equals: 'Incident'
        }
      ]
    }
    actions: {
      actionGroups: [
        {
          actionGroupId: '/subscriptions/00000000-0000-0000-0000-000000000000/resourceGroups/rg1/providers/Microsoft.Insights/actionGroups/ag-oncall'
        }
      ]
    }
  }
}
