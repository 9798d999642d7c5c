resource actionGroup 'Microsoft.Insights/actionGroups@2023-01-01' = {
  name: 'ag-oncall'
  location: 'global'
  tags: {
    environment: 'prod'
    workload: 'ml-scoring'
  }
  properties: {
    groupShortName: 'oncall'
    enabled: true
    emailReceivers: [
      {
        name: 'oncall'
        emailAddress: 'ml-oncall@contoso.com'
        useCommonAlertSchema: true
      }
    ]
  }
}
