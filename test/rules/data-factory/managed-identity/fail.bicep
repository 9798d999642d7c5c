resource factory 'Microsoft.DataFactory/factories@2018-06-01' = {
  name: 'adf-lake-prod'
  location: 'westeurope'
  properties: {
    publicNetworkAccess: 'Disabled'
  }
}
