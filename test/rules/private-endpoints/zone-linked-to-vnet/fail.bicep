resource databaseWindowsNetZone 'Microsoft.Network/privateDnsZones@2020-06-01' = {
  name: 'privatelink.database.windows.net'
  location: 'global'
  tags: {
    environment: 'prod'
    workload: 'hybrid'
  }
}
