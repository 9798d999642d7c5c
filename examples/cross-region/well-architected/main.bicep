// Active-passive across two regions after a readiness review: Traffic Manager sends users to the
// healthy region, the Function Apps in both regions are zone-redundant, storage is geo-redundant
// and the database fails over as a group. Scan it with:
// azready scan examples/cross-region/well-architected --profile cross-region
param primaryLocation string = 'eastus2'
param secondaryLocation string = 'centralus'
param prefix string = 'contosoxr'

@description('Entra ID group that administers the SQL servers.')
param sqlAdminGroupId string = '22222222-2222-2222-2222-222222222222'
param sqlAdminGroupName string = 'sql-admins'

var regions = [
  { name: 'primary', location: primaryLocation, priority: 1 }
  { name: 'secondary', location: secondaryLocation, priority: 2 }
]
var tags = {
  workload: 'orders'
  environment: 'prod'
  owner: 'orders-team'
  costCenter: 'cc-2020'
}

// ---------------------------------------------------------------- monitoring
resource logs 'Microsoft.OperationalInsights/workspaces@2025-02-01' = {
  name: '${prefix}-logs'
  location: primaryLocation
  tags: tags
  properties: {
    replication: { enabled: true, location: secondaryLocation }
    sku: { name: 'PerGB2018' }
    retentionInDays: 90
    workspaceCapping: { dailyQuotaGb: 20 }
    features: { disableLocalAuth: true }
  }
}

resource insights 'Microsoft.Insights/components@2020-02-02' = {
  name: '${prefix}-appi'
  location: primaryLocation
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
    groupShortName: 'xroncall'
    enabled: true
    emailReceivers: [{ name: 'oncall', emailAddress: 'orders-oncall@contoso.com', useCommonAlertSchema: true }]
  }
}

resource failedRequests 'Microsoft.Insights/metricAlerts@2018-03-01' = {
  name: '${prefix}-failed-requests'
  location: 'global'
  tags: tags
  properties: {
    severity: 1
    enabled: true
    scopes: [insights.id]
    evaluationFrequency: 'PT1M'
    windowSize: 'PT5M'
    criteria: {
      'odata.type': 'Microsoft.Azure.Monitor.SingleResourceMultipleMetricCriteria'
      allOf: [{ name: 'failed', metricName: 'requests/failed', operator: 'GreaterThan', threshold: 5, timeAggregation: 'Count', criterionType: 'StaticThresholdCriterion' }]
    }
    actions: [{ actionGroupId: actionGroup.id }]
  }
}

resource serviceHealth 'Microsoft.Insights/activityLogAlerts@2020-10-01' = {
  name: '${prefix}-service-health'
  location: 'global'
  tags: tags
  properties: {
    enabled: true
    scopes: [subscription().id]
    condition: {
      allOf: [
        { field: 'category', equals: 'ServiceHealth' }
        { field: 'properties.impactedServices[*].ImpactedRegions[*].RegionName', containsAny: [primaryLocation, secondaryLocation] }
      ]
    }
    actions: { actionGroups: [{ actionGroupId: actionGroup.id }] }
  }
}

resource availability 'Microsoft.Insights/webtests@2022-06-15' = {
  name: '${prefix}-entry-ping'
  location: primaryLocation
  tags: union(tags, { 'hidden-link:${insights.id}': 'Resource' })
  kind: 'standard'
  properties: {
    SyntheticMonitorId: '${prefix}-entry-ping'
    Name: 'orders entry point'
    Enabled: true
    Frequency: 300
    Timeout: 30
    Kind: 'standard'
    Locations: [{ Id: 'us-va-ash-azr' }, { Id: 'us-il-ch1-azr' }, { Id: 'us-ca-sjc-azr' }, { Id: 'us-tx-sn1-azr' }, { Id: 'us-fl-mia-edge' }]
    Request: { RequestUrl: 'https://${prefix}-tm.trafficmanager.net/api/health', HttpVerb: 'GET' }
  }
}

// ---------------------------------------------------------------- geo-redundant data
resource data 'Microsoft.Storage/storageAccounts@2023-05-01' = {
  name: '${prefix}data'
  location: primaryLocation
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

resource dataBlob 'Microsoft.Storage/storageAccounts/blobServices@2023-05-01' = {
  parent: data
  name: 'default'
  properties: {
    deleteRetentionPolicy: { enabled: true, days: 14 }
    containerDeleteRetentionPolicy: { enabled: true, days: 14 }
    isVersioningEnabled: true
  }
}

resource dataLifecycle 'Microsoft.Storage/storageAccounts/managementPolicies@2023-05-01' = {
  parent: data
  name: 'default'
  properties: {
    policy: {
      rules: [
        {
          name: 'age-out-exports'
          enabled: true
          type: 'Lifecycle'
          definition: {
            filters: { blobTypes: ['blockBlob'], prefixMatch: ['exports/'] }
            actions: {
              baseBlob: { tierToCool: { daysAfterModificationGreaterThan: 30 }, delete: { daysAfterModificationGreaterThan: 365 } }
              version: { delete: { daysAfterCreationGreaterThan: 90 } }
            }
          }
        }
      ]
    }
  }
}

resource dataLock 'Microsoft.Authorization/locks@2020-05-01' = {
  name: 'do-not-delete'
  scope: data
  properties: { level: 'CanNotDelete', notes: 'Order documents.' }
}

resource sqlServers 'Microsoft.Sql/servers@2023-08-01-preview' = [for r in regions: {
  name: '${prefix}-sql-${r.name}'
  location: r.location
  tags: tags
  identity: { type: 'SystemAssigned' }
  properties: {
    minimalTlsVersion: '1.2'
    publicNetworkAccess: 'Disabled'
    administrators: {
      administratorType: 'ActiveDirectory'
      azureADOnlyAuthentication: true
      login: sqlAdminGroupName
      sid: sqlAdminGroupId
      tenantId: subscription().tenantId
      principalType: 'Group'
    }
  }
}]

resource sqlLocks 'Microsoft.Authorization/locks@2020-05-01' = [for (r, i) in regions: {
  name: 'do-not-delete'
  scope: sqlServers[i]
  properties: { level: 'CanNotDelete', notes: 'The orders database and its replica.' }
}]

resource sqlAuditing 'Microsoft.Sql/servers/auditingSettings@2023-08-01-preview' = [for (r, i) in regions: {
  parent: sqlServers[i]
  name: 'default'
  properties: { state: 'Enabled', isAzureMonitorTargetEnabled: true }
}]

resource orders 'Microsoft.Sql/servers/databases@2023-08-01-preview' = {
  parent: sqlServers[0]
  name: 'orders'
  location: primaryLocation
  tags: tags
  sku: { name: 'GP_Gen5_2', tier: 'GeneralPurpose' }
  properties: {
    zoneRedundant: true
    requestedBackupStorageRedundancy: 'GeoZone'
  }
}

resource ordersShortTerm 'Microsoft.Sql/servers/databases/backupShortTermRetentionPolicies@2023-08-01-preview' = {
  parent: orders
  name: 'default'
  properties: { retentionDays: 14 }
}

resource ordersLongTerm 'Microsoft.Sql/servers/databases/backupLongTermRetentionPolicies@2023-08-01-preview' = {
  parent: orders
  name: 'default'
  properties: { weeklyRetention: 'P8W', monthlyRetention: 'P12M', yearlyRetention: 'P5Y', weekOfYear: 1 }
}

resource failoverGroup 'Microsoft.Sql/servers/failoverGroups@2023-08-01-preview' = {
  parent: sqlServers[0]
  name: '${prefix}-fog'
  properties: {
    readWriteEndpoint: { failoverPolicy: 'Automatic', failoverWithDataLossGracePeriodMinutes: 60 }
    readOnlyEndpoint: { failoverPolicy: 'Enabled' }
    partnerServers: [{ id: sqlServers[1].id }]
    databases: [orders.id]
  }
}

// ---------------------------------------------------------------- compute in both regions
resource plans 'Microsoft.Web/serverfarms@2023-12-01' = [for r in regions: {
  name: '${prefix}-plan-${r.name}'
  location: r.location
  tags: tags
  sku: { name: 'EP1', tier: 'ElasticPremium', capacity: 3 }
  kind: 'elastic'
  properties: {
    zoneRedundant: true
    maximumElasticWorkerCount: 20
  }
}]

resource apps 'Microsoft.Web/sites@2023-12-01' = [for (r, i) in regions: {
  name: '${prefix}-func-${r.name}'
  location: r.location
  tags: tags
  kind: 'functionapp'
  identity: { type: 'SystemAssigned' }
  properties: {
    serverFarmId: plans[i].id
    httpsOnly: true
    siteConfig: {
      minTlsVersion: '1.2'
      ftpsState: 'Disabled'
      http20Enabled: true
      appSettings: [
        { name: 'AzureWebJobsStorage__accountName', value: data.name }
        { name: 'FUNCTIONS_EXTENSION_VERSION', value: '~4' }
        { name: 'FUNCTIONS_WORKER_RUNTIME', value: 'dotnet-isolated' }
        { name: 'APPLICATIONINSIGHTS_CONNECTION_STRING', value: insights.properties.ConnectionString }
      ]
    }
  }
}]

resource appDiags 'Microsoft.Insights/diagnosticSettings@2021-05-01-preview' = [for (r, i) in regions: {
  name: 'to-log-analytics'
  scope: apps[i]
  properties: {
    workspaceId: logs.id
    logs: [{ category: 'FunctionAppLogs', enabled: true }]
    metrics: [{ category: 'AllMetrics', enabled: true }]
  }
}]

// ---------------------------------------------------------------- global entry point
resource tm 'Microsoft.Network/trafficManagerProfiles@2022-04-01' = {
  name: '${prefix}-tm'
  location: 'global'
  tags: tags
  properties: {
    profileStatus: 'Enabled'
    trafficRoutingMethod: 'Priority'
    dnsConfig: { relativeName: '${prefix}-tm', ttl: 30 }
    monitorConfig: {
      protocol: 'HTTPS'
      port: 443
      path: '/api/health'
      intervalInSeconds: 30
      timeoutInSeconds: 10
      toleratedNumberOfFailures: 3
    }
    allowAlwaysServe: 'Disabled'
    endpoints: [for (r, i) in regions: {
      name: r.name
      type: 'Microsoft.Network/trafficManagerProfiles/azureEndpoints'
      properties: {
        targetResourceId: apps[i].id
        endpointStatus: 'Enabled'
        priority: r.priority
        endpointLocation: r.location
      }
    }]
  }
}

resource tmDiag 'Microsoft.Insights/diagnosticSettings@2021-05-01-preview' = {
  name: 'to-log-analytics'
  scope: tm
  properties: {
    workspaceId: logs.id
    logs: [{ categoryGroup: 'allLogs', enabled: true }]
    metrics: [{ category: 'AllMetrics', enabled: true }]
  }
}

// ---------------------------------------------------------------- more diagnostics
resource ordersDiag 'Microsoft.Insights/diagnosticSettings@2021-05-01-preview' = {
  name: 'to-log-analytics'
  scope: orders
  properties: {
    workspaceId: logs.id
    logs: [{ categoryGroup: 'allLogs', enabled: true }]
    metrics: [{ category: 'AllMetrics', enabled: true }]
  }
}

resource dataBlobDiag 'Microsoft.Insights/diagnosticSettings@2021-05-01-preview' = {
  name: 'to-log-analytics'
  scope: dataBlob
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
    amount: 3000
    timeGrain: 'Monthly'
    timePeriod: { startDate: '2026-12-01' }
    notifications: {
      actual80: { enabled: true, operator: 'GreaterThan', threshold: 80, thresholdType: 'Actual', contactEmails: ['finops@contoso.com'] }
      forecast100: { enabled: true, operator: 'GreaterThan', threshold: 100, thresholdType: 'Forecasted', contactEmails: ['finops@contoso.com'] }
    }
  }
}
