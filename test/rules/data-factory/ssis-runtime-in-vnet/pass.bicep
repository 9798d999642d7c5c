resource factory 'Microsoft.DataFactory/factories@2018-06-01' = {
  name: 'adf-hybrid-prod'
  location: 'westeurope'
  tags: {
    environment: 'prod'
    workload: 'hybrid'
  }
  identity: {
    type: 'SystemAssigned'
  }
  properties: {
    publicNetworkAccess: 'Disabled'

  }
}

resource runtime 'Microsoft.DataFactory/factories/integrationRuntimes@2018-06-01' = {
  parent: factory
  name: 'ir-ssis'
  properties: {
    type: 'Managed'
    typeProperties: {
      computeProperties: {
        location: 'westeurope'
        nodeSize: 'Standard_D4_v3'
        numberOfNodes: 2
        maxParallelExecutionsPerNode: 4
        vNetProperties: {
          subnetId: '/subscriptions/00000000-0000-0000-0000-000000000000/resourceGroups/rg1/providers/Microsoft.Network/virtualNetworks/vnet-hybrid-prod/subnets/snet-ssis'
        }
      }
      ssisProperties: {
        edition: 'Standard'
        licenseType: 'LicenseIncluded'
      }
    }
  }
}
