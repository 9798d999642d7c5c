resource bastionIp 'Microsoft.Network/publicIPAddresses@2023-11-01' = {
  name: 'pip-bastion-hub-weu'
  location: 'westeurope'
  tags: {
    environment: 'prod'
    workload: 'hybrid'
  }
  properties: {
    publicIPAllocationMethod: 'Dynamic'
  }
}
