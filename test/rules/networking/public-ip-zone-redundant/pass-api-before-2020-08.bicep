resource bastionIp 'Microsoft.Network/publicIPAddresses@2020-06-01' = {
  name: 'pip-bastion-hub-weu'
  location: 'westeurope'
  tags: {
    environment: 'prod'
    workload: 'hybrid'
  }
  sku: {
    name: 'Standard'
  }
  properties: {
    publicIPAllocationMethod: 'Static'
  }
}
