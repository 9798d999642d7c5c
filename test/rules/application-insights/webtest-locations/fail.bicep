resource scoringPing 'Microsoft.Insights/webtests@2022-06-15' = {
  name: 'scoring-api-health'
  location: 'westeurope'
  tags: {
    'hidden-link:/subscriptions/00000000-0000-0000-0000-000000000000/resourceGroups/rg1/providers/Microsoft.Insights/components/appi-scoring-prod': 'Resource'
  }
  kind: 'standard'
  properties: {
    SyntheticMonitorId: 'scoring-api-health'
    Name: 'Scoring API health'
    Enabled: true
    Kind: 'standard'
    Frequency: 300
    Timeout: 30
    RetryEnabled: true
    Locations: [
      {
        Id: 'emea-nl-ams-azr'
      }
      {
        Id: 'emea-gb-db3-azr'
      }
    ]
    Request: {
      RequestUrl: 'https://scoring.contoso.com/health'
      HttpVerb: 'GET'
    }
    ValidationRules: {
      ExpectedHttpStatusCode: 200
      SSLCheck: true
      SSLCertRemainingLifetimeCheck: 7
    }
  }
}
