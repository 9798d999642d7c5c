// A first hybrid connection as a learner writes it: a basic VPN to the office and data services
// that are still reachable from the internet.
// Scan it with: azready scan examples/hybrid/starter --profile hybrid
param location string = 'westeurope'
param prefix string = 'contosohy'

@secure()
param sharedKey string

resource vnet 'Microsoft.Network/virtualNetworks@2023-11-01' = {
  name: '${prefix}-vnet'
  location: location
  properties: {
    addressSpace: { addressPrefixes: ['10.30.0.0/16'] }
    subnets: [
      { name: 'GatewaySubnet', properties: { addressPrefix: '10.30.0.0/27' } }
      { name: 'data', properties: { addressPrefix: '10.30.1.0/24' } }
    ]
  }
}

resource gatewayIp 'Microsoft.Network/publicIPAddresses@2023-11-01' = {
  name: '${prefix}-vpn-pip'
  location: location
  sku: { name: 'Basic' }
  properties: { publicIPAllocationMethod: 'Dynamic' }
}

resource gateway 'Microsoft.Network/virtualNetworkGateways@2023-11-01' = {
  name: '${prefix}-vpn'
  location: location
  properties: {
    gatewayType: 'Vpn'
    vpnType: 'RouteBased'
    sku: { name: 'Basic', tier: 'Basic' }
    activeActive: false
    enableBgp: false
    ipConfigurations: [
      {
        name: 'default'
        properties: {
          publicIPAddress: { id: gatewayIp.id }
          subnet: { id: resourceId('Microsoft.Network/virtualNetworks/subnets', vnet.name, 'GatewaySubnet') }
        }
      }
    ]
  }
}

resource office 'Microsoft.Network/localNetworkGateways@2023-11-01' = {
  name: '${prefix}-office'
  location: location
  properties: {
    gatewayIpAddress: '203.0.113.10'
    localNetworkAddressSpace: { addressPrefixes: ['192.168.0.0/16'] }
  }
}

resource connection 'Microsoft.Network/connections@2023-11-01' = {
  name: '${prefix}-to-office'
  location: location
  properties: {
    connectionType: 'IPsec'
    virtualNetworkGateway1: { id: gateway.id, properties: {} }
    localNetworkGateway2: { id: office.id, properties: {} }
    sharedKey: sharedKey
  }
}

resource nsg 'Microsoft.Network/networkSecurityGroups@2023-11-01' = {
  name: '${prefix}-data-nsg'
  location: location
  properties: {
    securityRules: [
      {
        name: 'allow-rdp'
        properties: {
          priority: 100
          direction: 'Inbound'
          access: 'Allow'
          protocol: 'Tcp'
          sourceAddressPrefix: '*'
          sourcePortRange: '*'
          destinationAddressPrefix: '*'
          destinationPortRange: '3389'
        }
      }
    ]
  }
}

resource factory 'Microsoft.DataFactory/factories@2018-06-01' = {
  name: '${prefix}-adf'
  location: location
  properties: {}
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

resource sql 'Microsoft.Sql/servers@2023-08-01-preview' = {
  name: '${prefix}-sql'
  location: location
  properties: {
    administratorLogin: 'sqladmin'
    administratorLoginPassword: sharedKey
    publicNetworkAccess: 'Enabled'
  }
}
