resource workspace 'Microsoft.MachineLearningServices/workspaces@2024-04-01' = {
  name: 'mlw-scoring-prod'
  location: 'westeurope'
  tags: {
    environment: 'prod'
    workload: 'ml-scoring'
  }
  kind: 'Default'
  sku: {
    name: 'Basic'
    tier: 'Basic'
  }
  identity: {
    type: 'SystemAssigned'
  }
  properties: {
    friendlyName: 'mlw-scoring-prod'
    storageAccount: '/subscriptions/00000000-0000-0000-0000-000000000000/resourceGroups/rg1/providers/Microsoft.Storage/storageAccounts/stmlscoringprod'
    keyVault: '/subscriptions/00000000-0000-0000-0000-000000000000/resourceGroups/rg1/providers/Microsoft.KeyVault/vaults/kv-ml-scoring-prod'
    applicationInsights: '/subscriptions/00000000-0000-0000-0000-000000000000/resourceGroups/rg1/providers/Microsoft.Insights/components/appi-scoring-prod'
    containerRegistry: '/subscriptions/00000000-0000-0000-0000-000000000000/resourceGroups/rg1/providers/Microsoft.ContainerRegistry/registries/crscoringprod'
    publicNetworkAccess: 'Disabled'
    hbiWorkspace: true
    managedNetwork: {
      isolationMode: 'AllowOnlyApprovedOutbound'
    }
  }
}

resource cijdoe 'Microsoft.MachineLearningServices/workspaces/computes@2024-04-01' = {
  parent: workspace
  name: 'ci-jdoe'
  location: 'westeurope'
  properties: {
    computeType: 'ComputeInstance'
    disableLocalAuth: true
    properties: {
      vmSize: 'Standard_DS3_v2'
      idleTimeBeforeShutdown: 'PT60M'
    }
  }
}
