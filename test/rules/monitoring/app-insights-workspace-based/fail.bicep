resource appInsights 'Microsoft.Insights/components@2020-02-02' = {
  name: 'appi-scoring-dev'
  location: 'westeurope'
  tags: {
    environment: 'dev'
    workload: 'lakehouse'
  }
  kind: 'web'
  properties: {
    Application_Type: 'web'
    Request_Source: 'rest'
  }
}
