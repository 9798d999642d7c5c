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

resource scoringEndpoint 'Microsoft.MachineLearningServices/workspaces/onlineEndpoints@2024-04-01' = {
  parent: workspace
  name: 'score-fraud'
  location: 'westeurope'
  kind: 'Managed'
  identity: {
    type: 'SystemAssigned'
  }
  properties: {
    authMode: 'AADToken'
    publicNetworkAccess: 'Disabled'
  }
}

resource blueDeployment 'Microsoft.MachineLearningServices/workspaces/onlineEndpoints/deployments@2024-04-01' = {
  parent: scoringEndpoint
  name: 'blue'
  location: 'westeurope'
  kind: 'Managed'
  sku: {
    name: 'Default'
    capacity: 3
  }
  properties: {
    endpointComputeType: 'Managed'
    model: '/subscriptions/00000000-0000-0000-0000-000000000000/resourceGroups/rg1/providers/Microsoft.MachineLearningServices/workspaces/mlw-scoring-prod/models/fraud-model/versions/3'
    instanceType: 'Standard_DS3_v2'
    appInsightsEnabled: true
    egressPublicNetworkAccess: 'Disabled'
  }
}
