// An RDP port hidden in a range: 3380-3390 holds 3389.
resource nsg 'Microsoft.Network/networkSecurityGroups@2023-11-01' = {
  name: 'nsg-jump-weu'
  location: 'westeurope'
  properties: {
    securityRules: [
      {
        name: 'allow-rdp-range'
        properties: {
          priority: 100
          direction: 'Inbound'
          access: 'Allow'
          protocol: 'Tcp'
          sourceAddressPrefix: 'Internet'
          sourcePortRange: '*'
          destinationAddressPrefix: 'VirtualNetwork'
          destinationPortRange: '3380-3390'
        }
      }
    ]
  }
}
