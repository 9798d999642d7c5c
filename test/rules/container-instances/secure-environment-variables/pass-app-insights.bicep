// The Application Insights connection string and instrumentation key identify a resource; they
// are not secrets, so a plain value is fine. The database key still uses secureValue.
@secure()
param scoringDbKey string

resource scoringGroup 'Microsoft.ContainerInstance/containerGroups@2023-05-01' = {
  name: 'aci-score-prod'
  location: 'westeurope'
  properties: {
    osType: 'Linux'
    containers: [
      {
        name: 'scorer'
        properties: {
          image: 'crscoringprod.azurecr.io/fraud-scorer:3.1.0'
          environmentVariables: [
            {
              name: 'APPLICATIONINSIGHTS_CONNECTION_STRING'
              value: 'InstrumentationKey=00000000-0000-0000-0000-000000000000;IngestionEndpoint=https://westeurope-5.in.applicationinsights.azure.com/'
            }
            {
              name: 'APPINSIGHTS_INSTRUMENTATIONKEY'
              value: '00000000-0000-0000-0000-000000000000'
            }
            {
              name: 'SCORING_DB_KEY'
              secureValue: scoringDbKey
            }
          ]
          resources: {
            requests: {
              cpu: 1
              memoryInGB: 2
            }
          }
        }
      }
    ]
  }
}
