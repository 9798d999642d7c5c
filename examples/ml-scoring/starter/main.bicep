// A first real-time scoring path as a learner writes it: events in, a model container out, scores
// in Cosmos DB. It works, but nothing is private, redundant or watched yet.
// Scan it with: azready scan examples/ml-scoring/starter --profile ml-scoring
param location string = resourceGroup().location
param prefix string = 'contosoml'

resource events 'Microsoft.EventHub/namespaces@2024-01-01' = {
  name: '${prefix}-events'
  location: location
  sku: { name: 'Basic', tier: 'Basic', capacity: 1 }
}

resource storage 'Microsoft.Storage/storageAccounts@2023-05-01' = {
  name: '${prefix}store'
  location: location
  sku: { name: 'Standard_LRS' }
  kind: 'StorageV2'
}

resource vault 'Microsoft.KeyVault/vaults@2023-07-01' = {
  name: '${prefix}-kv'
  location: location
  properties: {
    tenantId: subscription().tenantId
    sku: { family: 'A', name: 'standard' }
    accessPolicies: []
  }
}

resource insights 'Microsoft.Insights/components@2020-02-02' = {
  name: '${prefix}-appi'
  location: location
  kind: 'web'
  properties: { Application_Type: 'web' }
}

resource workspace 'Microsoft.MachineLearningServices/workspaces@2024-04-01' = {
  name: '${prefix}-mlw'
  location: location
  identity: { type: 'SystemAssigned' }
  properties: {
    storageAccount: storage.id
    keyVault: vault.id
    applicationInsights: insights.id
  }
}

resource registry 'Microsoft.ContainerRegistry/registries@2023-07-01' = {
  name: '${prefix}acr'
  location: location
  sku: { name: 'Basic' }
  properties: { adminUserEnabled: true }
}

resource scoring 'Microsoft.ContainerInstance/containerGroups@2023-05-01' = {
  name: '${prefix}-scoring'
  location: location
  properties: {
    osType: 'Linux'
    restartPolicy: 'OnFailure'
    ipAddress: { type: 'Public', ports: [{ port: 80, protocol: 'TCP' }] }
    imageRegistryCredentials: [
      { server: registry.properties.loginServer, username: registry.name, password: registry.listCredentials().passwords[0].value }
    ]
    containers: [
      {
        name: 'model'
        properties: {
          image: '${registry.properties.loginServer}/fraud-model:1'
          ports: [{ port: 80 }]
          resources: { requests: { cpu: 1, memoryInGB: 2 } }
          environmentVariables: [
            { name: 'COSMOS_KEY', value: 'paste-the-primary-key-here' }
          ]
        }
      }
    ]
  }
}

resource scores 'Microsoft.DocumentDB/databaseAccounts@2024-05-15' = {
  name: '${prefix}-cosmos'
  location: location
  kind: 'GlobalDocumentDB'
  properties: {
    databaseAccountOfferType: 'Standard'
    locations: [{ locationName: location, failoverPriority: 0 }]
    backupPolicy: { type: 'Periodic' }
  }
}
