// Hybrid integration after a readiness review: an active-active, zone-redundant VPN with BGP to
// the office, every data service behind a private endpoint that on-premises DNS can resolve, a
// self-hosted integration runtime for the on-premises sources, and data kept in the EU.
// Scan it with: azready scan examples/hybrid/well-architected --profile hybrid
param location string = 'westeurope'
param prefix string = 'contosohy'

@description('Entra ID group that administers the SQL server.')
param sqlAdminGroupId string = '33333333-3333-3333-3333-333333333333'

@secure()
@description('IPsec pre-shared key; comes from a Key Vault reference in the parameters file.')
param vpnSharedKey string

var tags = {
  workload: 'hybrid-integration'
  environment: 'prod'
  owner: 'integration-team'
  costCenter: 'cc-3030'
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

resource flowLogStorage 'Microsoft.Storage/storageAccounts@2023-05-01' = {
  name: '${prefix}flowlogs'
  location: location
  tags: tags
  sku: { name: 'Standard_GZRS' }
  kind: 'StorageV2'
  properties: {
    accessTier: 'Cool'
    minimumTlsVersion: 'TLS1_2'
    supportsHttpsTrafficOnly: true
    allowBlobPublicAccess: false
    allowCrossTenantReplication: false
    allowSharedKeyAccess: false
    publicNetworkAccess: 'Disabled'
    networkAcls: { defaultAction: 'Deny', bypass: 'AzureServices', ipRules: [] }
  }
}

resource flowLogBlob 'Microsoft.Storage/storageAccounts/blobServices@2023-05-01' = {
  parent: flowLogStorage
  name: 'default'
  properties: {
    deleteRetentionPolicy: { enabled: true, days: 7 }
    containerDeleteRetentionPolicy: { enabled: true, days: 7 }
  }
}

resource flowLogLifecycle 'Microsoft.Storage/storageAccounts/managementPolicies@2023-05-01' = {
  parent: flowLogStorage
  name: 'default'
  properties: {
    policy: {
      rules: [
        {
          name: 'expire-flow-logs'
          enabled: true
          type: 'Lifecycle'
          definition: {
            filters: { blobTypes: ['blockBlob'] }
            actions: { baseBlob: { delete: { daysAfterModificationGreaterThan: 90 } } }
          }
        }
      ]
    }
  }
}

resource flowLogLock 'Microsoft.Authorization/locks@2020-05-01' = {
  name: 'do-not-delete'
  scope: flowLogStorage
  properties: { level: 'CanNotDelete', notes: 'Network audit trail.' }
}

// ---------------------------------------------------------------- network
resource ddos 'Microsoft.Network/ddosProtectionPlans@2023-11-01' = {
  name: '${prefix}-ddos'
  location: location
  tags: tags
}

resource nsg 'Microsoft.Network/networkSecurityGroups@2023-11-01' = {
  name: '${prefix}-nsg'
  location: location
  tags: tags
  properties: {
    securityRules: [
      {
        name: 'allow-office-sql'
        properties: {
          priority: 100
          direction: 'Inbound'
          access: 'Allow'
          protocol: 'Tcp'
          sourceAddressPrefix: '192.168.0.0/16'
          sourcePortRange: '*'
          destinationAddressPrefix: 'VirtualNetwork'
          destinationPortRange: '1433'
        }
      }
    ]
  }
}

resource vnet 'Microsoft.Network/virtualNetworks@2023-11-01' = {
  name: '${prefix}-vnet'
  location: location
  tags: tags
  properties: {
    addressSpace: { addressPrefixes: ['10.30.0.0/16'] }
    enableDdosProtection: true
    ddosProtectionPlan: { id: ddos.id }
    subnets: [
      { name: 'GatewaySubnet', properties: { addressPrefix: '10.30.0.0/27' } }
      { name: 'private-endpoints', properties: { addressPrefix: '10.30.1.0/24', networkSecurityGroup: { id: nsg.id } } }
      { name: 'integration-runtime', properties: { addressPrefix: '10.30.2.0/24', networkSecurityGroup: { id: nsg.id } } }
      {
        name: 'dns-inbound'
        properties: {
          addressPrefix: '10.30.3.0/28'
          networkSecurityGroup: { id: nsg.id }
          delegations: [{ name: 'resolver', properties: { serviceName: 'Microsoft.Network/dnsResolvers' } }]
        }
      }
    ]
  }
}

resource flowLog 'Microsoft.Network/networkWatchers/flowLogs@2023-11-01' = {
  name: 'NetworkWatcher_${location}/${prefix}-vnet-flow'
  location: location
  tags: tags
  properties: {
    targetResourceId: vnet.id
    storageId: flowLogStorage.id
    enabled: true
    retentionPolicy: { enabled: true, days: 90 }
    format: { type: 'JSON', version: 2 }
    flowAnalyticsConfiguration: {
      networkWatcherFlowAnalyticsConfiguration: { enabled: true, workspaceResourceId: logs.id, trafficAnalyticsInterval: 10 }
    }
  }
}

// ---------------------------------------------------------------- connection to the office
resource gatewayIps 'Microsoft.Network/publicIPAddresses@2023-11-01' = [for i in range(0, 2): {
  name: '${prefix}-vpn-pip-${i + 1}'
  location: location
  tags: tags
  sku: { name: 'Standard', tier: 'Regional' }
  zones: ['1', '2', '3']
  properties: { publicIPAllocationMethod: 'Static' }
}]

resource gateway 'Microsoft.Network/virtualNetworkGateways@2023-11-01' = {
  name: '${prefix}-vpn'
  location: location
  tags: tags
  properties: {
    gatewayType: 'Vpn'
    vpnType: 'RouteBased'
    vpnGatewayGeneration: 'Generation2'
    sku: { name: 'VpnGw2AZ', tier: 'VpnGw2AZ' }
    activeActive: true
    enableBgp: true
    bgpSettings: { asn: 65515 }
    ipConfigurations: [for i in range(0, 2): {
      name: 'ipconfig${i + 1}'
      properties: {
        privateIPAllocationMethod: 'Dynamic'
        publicIPAddress: { id: gatewayIps[i].id }
        subnet: { id: '${vnet.id}/subnets/GatewaySubnet' }
      }
    }]
  }
}

resource gatewayDiag 'Microsoft.Insights/diagnosticSettings@2021-05-01-preview' = {
  name: 'to-log-analytics'
  scope: gateway
  properties: {
    workspaceId: logs.id
    logs: [{ categoryGroup: 'allLogs', enabled: true }]
    metrics: [{ category: 'AllMetrics', enabled: true }]
  }
}

resource office 'Microsoft.Network/localNetworkGateways@2023-11-01' = {
  name: '${prefix}-office'
  location: location
  tags: tags
  properties: {
    gatewayIpAddress: '203.0.113.10'
    localNetworkAddressSpace: { addressPrefixes: ['192.168.0.0/16'] }
    bgpSettings: { asn: 65010, bgpPeeringAddress: '192.168.255.1' }
  }
}

resource connection 'Microsoft.Network/connections@2023-11-01' = {
  name: '${prefix}-to-office'
  location: location
  tags: tags
  properties: {
    connectionType: 'IPsec'
    connectionProtocol: 'IKEv2'
    enableBgp: true
    virtualNetworkGateway1: { id: gateway.id, properties: {} }
    localNetworkGateway2: { id: office.id, properties: {} }
    sharedKey: vpnSharedKey
    ipsecPolicies: [
      {
        ikeEncryption: 'AES256'
        ikeIntegrity: 'SHA256'
        dhGroup: 'DHGroup14'
        ipsecEncryption: 'GCMAES256'
        ipsecIntegrity: 'GCMAES256'
        pfsGroup: 'PFS2048'
        saLifeTimeSeconds: 27000
        saDataSizeKilobytes: 102400000
      }
    ]
  }
}

// ---------------------------------------------------------------- DNS that on-premises can use
resource resolver 'Microsoft.Network/dnsResolvers@2022-07-01' = {
  name: '${prefix}-resolver'
  location: location
  tags: tags
  properties: { virtualNetwork: { id: vnet.id } }
}

resource resolverInbound 'Microsoft.Network/dnsResolvers/inboundEndpoints@2022-07-01' = {
  parent: resolver
  name: 'from-office'
  location: location
  tags: tags
  properties: {
    ipConfigurations: [{ subnet: { id: '${vnet.id}/subnets/dns-inbound' }, privateIpAllocationMethod: 'Dynamic' }]
  }
}

// ---------------------------------------------------------------- secrets
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

resource vaultLock 'Microsoft.Authorization/locks@2020-05-01' = {
  name: 'do-not-delete'
  scope: vault
  properties: { level: 'CanNotDelete', notes: 'Keys and secrets of the integration.' }
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

// ---------------------------------------------------------------- data movement from on-premises
resource factory 'Microsoft.DataFactory/factories@2018-06-01' = {
  name: '${prefix}-adf'
  location: location
  tags: tags
  identity: { type: 'SystemAssigned' }
  properties: {
    publicNetworkAccess: 'Disabled'
    repoConfiguration: {
      type: 'FactoryGitHubConfiguration'
      accountName: 'contoso'
      repositoryName: 'integration-pipelines'
      collaborationBranch: 'main'
      rootFolder: '/adf'
    }
    encryption: {
      vaultBaseUrl: 'https://${prefix}-kv${environment().suffixes.keyvaultDns}'
      keyName: 'adf-cmk'
    }
  }
}

resource selfHostedIr 'Microsoft.DataFactory/factories/integrationRuntimes@2018-06-01' = {
  parent: factory
  name: 'onprem-shir'
  properties: { type: 'SelfHosted', description: 'Two nodes in the office data centre' }
}

resource factoryVnet 'Microsoft.DataFactory/factories/managedVirtualNetworks@2018-06-01' = {
  parent: factory
  name: 'default'
  properties: {}
}

resource managedIr 'Microsoft.DataFactory/factories/integrationRuntimes@2018-06-01' = {
  parent: factory
  name: 'managed-vnet-ir'
  properties: {
    type: 'Managed'
    managedVirtualNetwork: { type: 'ManagedVirtualNetworkReference', referenceName: factoryVnet.name }
    typeProperties: { computeProperties: { location: 'AutoResolve', dataFlowProperties: { computeType: 'General', coreCount: 8, timeToLive: 10 } } }
  }
}

resource factoryDiag 'Microsoft.Insights/diagnosticSettings@2021-05-01-preview' = {
  name: 'to-log-analytics'
  scope: factory
  properties: {
    workspaceId: logs.id
    logAnalyticsDestinationType: 'Dedicated'
    logs: [{ categoryGroup: 'allLogs', enabled: true }]
    metrics: [{ category: 'AllMetrics', enabled: true }]
  }
}

// ---------------------------------------------------------------- the Azure side of the data
resource sql 'Microsoft.Sql/servers@2023-08-01-preview' = {
  name: '${prefix}-sql'
  location: location
  tags: tags
  identity: { type: 'SystemAssigned' }
  properties: {
    minimalTlsVersion: '1.2'
    publicNetworkAccess: 'Disabled'
    administrators: {
      administratorType: 'ActiveDirectory'
      azureADOnlyAuthentication: true
      login: 'sql-admins'
      sid: sqlAdminGroupId
      tenantId: subscription().tenantId
      principalType: 'Group'
    }
  }
}

resource sqlLock 'Microsoft.Authorization/locks@2020-05-01' = {
  name: 'do-not-delete'
  scope: sql
  properties: { level: 'CanNotDelete', notes: 'Integration staging database.' }
}

resource sqlAuditing 'Microsoft.Sql/servers/auditingSettings@2023-08-01-preview' = {
  parent: sql
  name: 'default'
  properties: { state: 'Enabled', isAzureMonitorTargetEnabled: true }
}

resource staging 'Microsoft.Sql/servers/databases@2023-08-01-preview' = {
  parent: sql
  name: 'staging'
  location: location
  tags: tags
  sku: { name: 'GP_Gen5_2', tier: 'GeneralPurpose' }
  properties: { zoneRedundant: true, requestedBackupStorageRedundancy: 'Zone' }
}

resource stagingShortTerm 'Microsoft.Sql/servers/databases/backupShortTermRetentionPolicies@2023-08-01-preview' = {
  parent: staging
  name: 'default'
  properties: { retentionDays: 14 }
}

resource stagingLongTerm 'Microsoft.Sql/servers/databases/backupLongTermRetentionPolicies@2023-08-01-preview' = {
  parent: staging
  name: 'default'
  properties: { weeklyRetention: 'P8W', monthlyRetention: 'P12M' }
}

// ---------------------------------------------------------------- private endpoints and DNS
var privateTargets = [
  { name: 'kv', id: vault.id, group: 'vault', zone: 'privatelink.vaultcore.azure.net' }
  { name: 'adf', id: factory.id, group: 'dataFactory', zone: 'privatelink.datafactory.azure.net' }
  { name: 'sql', id: sql.id, group: 'sqlServer', zone: 'privatelink${environment().suffixes.sqlServerHostname}' }
  { name: 'flowlogs', id: flowLogStorage.id, group: 'blob', zone: 'privatelink.blob.${environment().suffixes.storage}' }
]
var zoneNames = union(map(privateTargets, t => t.zone), [])

resource endpoints 'Microsoft.Network/privateEndpoints@2023-11-01' = [for t in privateTargets: {
  name: '${prefix}-${t.name}-pe'
  location: location
  tags: tags
  properties: {
    subnet: { id: '${vnet.id}/subnets/private-endpoints' }
    privateLinkServiceConnections: [{ name: t.group, properties: { privateLinkServiceId: t.id, groupIds: [t.group] } }]
  }
}]

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

// ---------------------------------------------------------------- more diagnostics
resource stagingDiag 'Microsoft.Insights/diagnosticSettings@2021-05-01-preview' = {
  name: 'to-log-analytics'
  scope: staging
  properties: {
    workspaceId: logs.id
    logs: [{ categoryGroup: 'allLogs', enabled: true }]
    metrics: [{ category: 'AllMetrics', enabled: true }]
  }
}

resource flowLogBlobDiag 'Microsoft.Insights/diagnosticSettings@2021-05-01-preview' = {
  name: 'to-log-analytics'
  scope: flowLogBlob
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
    amount: 2000
    timeGrain: 'Monthly'
    timePeriod: { startDate: '2026-12-01' }
    notifications: {
      actual80: { enabled: true, operator: 'GreaterThan', threshold: 80, thresholdType: 'Actual', contactEmails: ['finops@contoso.com'] }
      forecast100: { enabled: true, operator: 'GreaterThan', threshold: 100, thresholdType: 'Forecasted', contactEmails: ['finops@contoso.com'] }
    }
  }
}
