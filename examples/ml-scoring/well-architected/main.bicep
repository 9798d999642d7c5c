// Real-time scoring after a readiness review: events and scores stay private, the model image is
// pulled with an identity, the scoring path survives a zone or region outage, and every hop is
// monitored. Scan it with: azready scan examples/ml-scoring/well-architected --profile ml-scoring
param location string = resourceGroup().location
param secondaryLocation string = 'northeurope'
param prefix string = 'contosoml'

var tags = {
  workload: 'fraud-scoring'
  environment: 'prod'
  owner: 'ml-platform-team'
  costCenter: 'cc-4711'
}

// ---------------------------------------------------------------- network
resource nsg 'Microsoft.Network/networkSecurityGroups@2023-11-01' = {
  name: '${prefix}-nsg'
  location: location
  tags: tags
  properties: { securityRules: [] }
}

resource vnet 'Microsoft.Network/virtualNetworks@2023-11-01' = {
  name: '${prefix}-vnet'
  location: location
  tags: tags
  properties: {
    addressSpace: { addressPrefixes: ['10.40.0.0/16'] }
    subnets: [
      { name: 'private-endpoints', properties: { addressPrefix: '10.40.1.0/24', networkSecurityGroup: { id: nsg.id } } }
      {
        name: 'scoring'
        properties: {
          addressPrefix: '10.40.2.0/24'
          networkSecurityGroup: { id: nsg.id }
          delegations: [{ name: 'aci', properties: { serviceName: 'Microsoft.ContainerInstance/containerGroups' } }]
        }
      }
    ]
  }
}

// ---------------------------------------------------------------- monitoring
resource logs 'Microsoft.OperationalInsights/workspaces@2023-09-01' = {
  name: '${prefix}-logs'
  location: location
  tags: tags
  properties: {
    sku: { name: 'PerGB2018' }
    retentionInDays: 90
    workspaceCapping: { dailyQuotaGb: 20 }
    features: { disableLocalAuth: true }
  }
}

resource insights 'Microsoft.Insights/components@2020-02-02' = {
  name: '${prefix}-appi'
  location: location
  tags: tags
  kind: 'web'
  properties: {
    Application_Type: 'web'
    WorkspaceResourceId: logs.id
    DisableLocalAuth: true
    publicNetworkAccessForIngestion: 'Disabled'
    publicNetworkAccessForQuery: 'Disabled'
  }
}

resource insightsCap 'Microsoft.Insights/components/pricingPlans@2017-10-01' = {
  parent: insights
  name: 'current'
  properties: { planType: 'Basic', cap: 10, warningThreshold: 90 }
}

resource actionGroup 'Microsoft.Insights/actionGroups@2023-01-01' = {
  name: '${prefix}-oncall'
  location: 'global'
  tags: tags
  properties: {
    groupShortName: 'mloncall'
    enabled: true
    emailReceivers: [{ name: 'oncall', emailAddress: 'ml-oncall@contoso.com', useCommonAlertSchema: true }]
  }
}

resource failedRequests 'Microsoft.Insights/metricAlerts@2018-03-01' = {
  name: '${prefix}-failed-requests'
  location: 'global'
  tags: tags
  properties: {
    description: 'Scoring requests are failing'
    severity: 1
    enabled: true
    scopes: [insights.id]
    evaluationFrequency: 'PT1M'
    windowSize: 'PT5M'
    criteria: {
      'odata.type': 'Microsoft.Azure.Monitor.SingleResourceMultipleMetricCriteria'
      allOf: [
        { name: 'failed', metricName: 'requests/failed', operator: 'GreaterThan', threshold: 5, timeAggregation: 'Count', criterionType: 'StaticThresholdCriterion' }
      ]
    }
    actions: [{ actionGroupId: actionGroup.id }]
  }
}

resource availability 'Microsoft.Insights/webtests@2022-06-15' = {
  name: '${prefix}-score-ping'
  location: location
  tags: union(tags, { 'hidden-link:${insights.id}': 'Resource' })
  kind: 'standard'
  properties: {
    SyntheticMonitorId: '${prefix}-score-ping'
    Name: 'scoring endpoint'
    Enabled: true
    Frequency: 300
    Timeout: 30
    Kind: 'standard'
    Locations: [{ Id: 'emea-nl-ams-azr' }, { Id: 'emea-gb-db3-azr' }, { Id: 'emea-fr-pra-edge' }, { Id: 'us-va-ash-azr' }, { Id: 'apac-sg-sin-azr' }]
    Request: { RequestUrl: 'https://scoring.contoso.com/health', HttpVerb: 'GET' }
  }
}

// ---------------------------------------------------------------- secrets and model storage
resource vault 'Microsoft.KeyVault/vaults@2023-07-01' = {
  name: '${prefix}-kv'
  location: location
  tags: tags
  properties: {
    tenantId: subscription().tenantId
    sku: { family: 'A', name: 'standard' }
    enableRbacAuthorization: true
    enableSoftDelete: true
    softDeleteRetentionInDays: 90
    enablePurgeProtection: true
    publicNetworkAccess: 'Disabled'
    networkAcls: { defaultAction: 'Deny', bypass: 'AzureServices' }
  }
}

resource vaultDiag 'Microsoft.Insights/diagnosticSettings@2021-05-01-preview' = {
  name: 'to-log-analytics'
  scope: vault
  properties: {
    workspaceId: logs.id
    logs: [{ categoryGroup: 'audit', enabled: true }]
    metrics: [{ category: 'AllMetrics', enabled: true }]
  }
}

resource store 'Microsoft.Storage/storageAccounts@2023-05-01' = {
  name: '${prefix}store'
  location: location
  tags: tags
  sku: { name: 'Standard_RAGZRS' }
  kind: 'StorageV2'
  properties: {
    accessTier: 'Hot'
    minimumTlsVersion: 'TLS1_2'
    supportsHttpsTrafficOnly: true
    allowBlobPublicAccess: false
    allowCrossTenantReplication: false
    allowSharedKeyAccess: false
    publicNetworkAccess: 'Disabled'
    networkAcls: { defaultAction: 'Deny', bypass: 'AzureServices', ipRules: [] }
  }
}

resource storeBlob 'Microsoft.Storage/storageAccounts/blobServices@2023-05-01' = {
  parent: store
  name: 'default'
  properties: {
    deleteRetentionPolicy: { enabled: true, days: 14 }
    containerDeleteRetentionPolicy: { enabled: true, days: 14 }
  }
}

resource storeLifecycle 'Microsoft.Storage/storageAccounts/managementPolicies@2023-05-01' = {
  parent: store
  name: 'default'
  properties: {
    policy: {
      rules: [
        {
          name: 'expire-old-run-artifacts'
          enabled: true
          type: 'Lifecycle'
          definition: {
            filters: { blobTypes: ['blockBlob'], prefixMatch: ['azureml/ExperimentRun/'] }
            actions: { baseBlob: { tierToCool: { daysAfterModificationGreaterThan: 30 }, delete: { daysAfterModificationGreaterThan: 365 } } }
          }
        }
      ]
    }
  }
}

// ---------------------------------------------------------------- events in
resource events 'Microsoft.EventHub/namespaces@2024-01-01' = {
  name: '${prefix}-events'
  location: location
  tags: tags
  sku: { name: 'Standard', tier: 'Standard', capacity: 2 }
  properties: {
    zoneRedundant: true
    disableLocalAuth: true
    minimumTlsVersion: '1.2'
    publicNetworkAccess: 'Disabled'
    isAutoInflateEnabled: true
    maximumThroughputUnits: 8
  }
}

resource eventsDiag 'Microsoft.Insights/diagnosticSettings@2021-05-01-preview' = {
  name: 'to-log-analytics'
  scope: events
  properties: {
    workspaceId: logs.id
    logs: [{ categoryGroup: 'allLogs', enabled: true }]
    metrics: [{ category: 'AllMetrics', enabled: true }]
  }
}

// ---------------------------------------------------------------- training and model registry
resource workspace 'Microsoft.MachineLearningServices/workspaces@2024-04-01' = {
  name: '${prefix}-mlw'
  location: location
  tags: tags
  identity: { type: 'SystemAssigned' }
  properties: {
    storageAccount: store.id
    keyVault: vault.id
    applicationInsights: insights.id
    containerRegistry: registry.id
    publicNetworkAccess: 'Disabled'
    hbiWorkspace: true
    managedNetwork: { isolationMode: 'AllowOnlyApprovedOutbound' }
  }
}

resource trainingBox 'Microsoft.MachineLearningServices/workspaces/computes@2024-04-01' = {
  parent: workspace
  name: 'ds-instance'
  location: location
  properties: {
    computeType: 'ComputeInstance'
    disableLocalAuth: true
    properties: {
      vmSize: 'Standard_DS3_v2'
      idleTimeBeforeShutdown: 'PT30M'
      enableNodePublicIp: false
    }
  }
}

resource endpoint 'Microsoft.MachineLearningServices/workspaces/onlineEndpoints@2024-04-01' = {
  parent: workspace
  name: 'fraud'
  location: location
  identity: { type: 'SystemAssigned' }
  properties: { authMode: 'AADToken', publicNetworkAccess: 'Disabled' }
}

resource endpointBlue 'Microsoft.MachineLearningServices/workspaces/onlineEndpoints/deployments@2024-04-01' = {
  parent: endpoint
  name: 'blue'
  location: location
  sku: { name: 'Default', capacity: 3 }
  properties: {
    endpointComputeType: 'Managed'
    instanceType: 'Standard_DS3_v2'
    appInsightsEnabled: true
    scaleSettings: { scaleType: 'Default' }
  }
}

resource workspaceDiag 'Microsoft.Insights/diagnosticSettings@2021-05-01-preview' = {
  name: 'to-log-analytics'
  scope: workspace
  properties: {
    workspaceId: logs.id
    logs: [{ categoryGroup: 'allLogs', enabled: true }]
    metrics: [{ category: 'AllMetrics', enabled: true }]
  }
}

resource registry 'Microsoft.ContainerRegistry/registries@2023-07-01' = {
  name: '${prefix}acr'
  location: location
  tags: tags
  sku: { name: 'Premium' }
  properties: {
    adminUserEnabled: false
    anonymousPullEnabled: false
    publicNetworkAccess: 'Disabled'
    networkRuleBypassOptions: 'AzureServices'
    zoneRedundancy: 'Enabled'
    policies: {
      retentionPolicy: { status: 'enabled', days: 30 }
      exportPolicy: { status: 'disabled' }
      azureADAuthenticationAsArmPolicy: { status: 'disabled' }
    }
  }
}

resource registryReplica 'Microsoft.ContainerRegistry/registries/replications@2023-07-01' = {
  parent: registry
  name: secondaryLocation
  location: secondaryLocation
  properties: { zoneRedundancy: 'Enabled' }
}

// ---------------------------------------------------------------- scoring
resource scoringIdentity 'Microsoft.ManagedIdentity/userAssignedIdentities@2023-01-31' = {
  name: '${prefix}-scoring-id'
  location: location
  tags: tags
}

resource scoring 'Microsoft.ContainerInstance/containerGroups@2023-05-01' = {
  name: '${prefix}-scoring'
  location: location
  tags: tags
  zones: ['1']
  identity: {
    type: 'UserAssigned'
    userAssignedIdentities: { '${scoringIdentity.id}': {} }
  }
  properties: {
    osType: 'Linux'
    restartPolicy: 'Always'
    subnetIds: [{ id: '${vnet.id}/subnets/scoring' }]
    ipAddress: { type: 'Private', ports: [{ port: 80, protocol: 'TCP' }] }
    imageRegistryCredentials: [{ server: '${prefix}acr.azurecr.io', identity: scoringIdentity.id }]
    diagnostics: {
      logAnalytics: {
        workspaceId: '00000000-0000-0000-0000-000000000000'
        workspaceResourceId: logs.id
        logType: 'ContainerInstanceLogs'
      }
    }
    containers: [
      {
        name: 'model'
        properties: {
          image: '${prefix}acr.azurecr.io/fraud-model:1.4.2'
          ports: [{ port: 80 }]
          resources: { requests: { cpu: 2, memoryInGB: 4 } }
          livenessProbe: { httpGet: { path: '/health', port: 80 }, initialDelaySeconds: 30, periodSeconds: 10 }
          environmentVariables: [
            { name: 'COSMOS_ENDPOINT', value: 'https://${prefix}-cosmos.documents.azure.com:443/' }
            { name: 'APPLICATIONINSIGHTS_CONNECTION_STRING', secureValue: insights.properties.ConnectionString }
          ]
        }
      }
    ]
  }
}

// ---------------------------------------------------------------- scores out
resource scores 'Microsoft.DocumentDB/databaseAccounts@2024-05-15' = {
  name: '${prefix}-cosmos'
  location: location
  tags: tags
  kind: 'GlobalDocumentDB'
  properties: {
    databaseAccountOfferType: 'Standard'
    locations: [
      { locationName: location, failoverPriority: 0, isZoneRedundant: true }
      { locationName: secondaryLocation, failoverPriority: 1, isZoneRedundant: true }
    ]
    enableAutomaticFailover: true
    disableLocalAuth: true
    disableKeyBasedMetadataWriteAccess: true
    publicNetworkAccess: 'Disabled'
    backupPolicy: { type: 'Continuous', continuousModeProperties: { tier: 'Continuous30Days' } }
    capacity: { totalThroughputLimit: 4000 }
  }
}

resource scoresDiag 'Microsoft.Insights/diagnosticSettings@2021-05-01-preview' = {
  name: 'to-log-analytics'
  scope: scores
  properties: {
    workspaceId: logs.id
    logAnalyticsDestinationType: 'Dedicated'
    logs: [{ categoryGroup: 'allLogs', enabled: true }]
    metrics: [{ category: 'Requests', enabled: true }]
  }
}

// ---------------------------------------------------------------- private endpoints
var privateTargets = [
  { name: 'kv', id: vault.id, group: 'vault', zone: 'privatelink.vaultcore.azure.net' }
  { name: 'blob', id: store.id, group: 'blob', zone: 'privatelink.blob.${environment().suffixes.storage}' }
  { name: 'events', id: events.id, group: 'namespace', zone: 'privatelink.servicebus.windows.net' }
  { name: 'mlw', id: workspace.id, group: 'amlworkspace', zone: 'privatelink.api.azureml.ms' }
  { name: 'acr', id: registry.id, group: 'registry', zone: 'privatelink.azurecr.io' }
  { name: 'cosmos', id: scores.id, group: 'Sql', zone: 'privatelink.documents.azure.com' }
]
var zoneNames = union(map(privateTargets, t => t.zone), [])

resource zones 'Microsoft.Network/privateDnsZones@2020-06-01' = [for z in zoneNames: {
  name: z
  location: 'global'
  tags: tags
}]

resource zoneLinks 'Microsoft.Network/privateDnsZones/virtualNetworkLinks@2020-06-01' = [for (z, i) in zoneNames: {
  parent: zones[i]
  name: '${prefix}-vnet'
  location: 'global'
  properties: { virtualNetwork: { id: vnet.id }, registrationEnabled: false }
}]

resource zoneGroups 'Microsoft.Network/privateEndpoints/privateDnsZoneGroups@2023-11-01' = [for (t, i) in privateTargets: {
  parent: endpoints[i]
  name: 'default'
  properties: {
    privateDnsZoneConfigs: [{ name: 'zone', properties: { privateDnsZoneId: resourceId('Microsoft.Network/privateDnsZones', t.zone) } }]
  }
}]

resource endpoints 'Microsoft.Network/privateEndpoints@2023-11-01' = [for t in privateTargets: {
  name: '${prefix}-${t.name}-pe'
  location: location
  tags: tags
  properties: {
    subnet: { id: '${vnet.id}/subnets/private-endpoints' }
    privateLinkServiceConnections: [{ name: t.group, properties: { privateLinkServiceId: t.id, groupIds: [t.group] } }]
  }
}]

// ---------------------------------------------------------------- more diagnostics
resource registryDiag 'Microsoft.Insights/diagnosticSettings@2021-05-01-preview' = {
  name: 'to-log-analytics'
  scope: registry
  properties: {
    workspaceId: logs.id
    logs: [{ categoryGroup: 'allLogs', enabled: true }]
    metrics: [{ category: 'AllMetrics', enabled: true }]
  }
}

resource storeBlobDiag 'Microsoft.Insights/diagnosticSettings@2021-05-01-preview' = {
  name: 'to-log-analytics'
  scope: storeBlob
  properties: {
    workspaceId: logs.id
    logs: [{ categoryGroup: 'allLogs', enabled: true }]
    metrics: [{ category: 'AllMetrics', enabled: true }]
  }
}

// ---------------------------------------------------------------- cost guard
resource budget 'Microsoft.Consumption/budgets@2023-11-01' = {
  name: '${prefix}-monthly'
  properties: {
    category: 'Cost'
    amount: 5000
    timeGrain: 'Monthly'
    timePeriod: { startDate: '2026-12-01' }
    notifications: {
      actual80: { enabled: true, operator: 'GreaterThan', threshold: 80, thresholdType: 'Actual', contactEmails: ['finops@contoso.com'] }
      forecast100: { enabled: true, operator: 'GreaterThan', threshold: 100, thresholdType: 'Forecasted', contactEmails: ['finops@contoso.com'] }
    }
  }
}
