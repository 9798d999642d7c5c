// Application port ranges open to the internet, none holding SSH, RDP or WinRM.
resource nsg 'Microsoft.Network/networkSecurityGroups@2023-11-01' = {
  name: 'nsg-web-weu'
  location: 'westeurope'
  properties: {
    securityRules: [
      {
        name: 'allow-app-range'
        properties: {
          priority: 100
          direction: 'Inbound'
          access: 'Allow'
          protocol: 'Tcp'
          sourceAddressPrefix: 'Internet'
          sourcePortRange: '*'
          destinationAddressPrefix: 'VirtualNetwork'
          destinationPortRange: '8000-8080'
        }
      }
      {
        name: 'allow-web'
        properties: {
          priority: 110
          direction: 'Inbound'
          access: 'Allow'
          protocol: 'Tcp'
          sourceAddressPrefix: 'Internet'
          sourcePortRange: '*'
          destinationAddressPrefix: 'VirtualNetwork'
          destinationPortRanges: [
            '80'
            '443'
            '3390-3400'
          ]
        }
      }
    ]
  }
}
