resource budget 'Microsoft.Consumption/budgets@2023-11-01' = {
  name: 'budget-orders-monthly'
  properties: {
    category: 'Cost'
    amount: 3000
    timeGrain: 'Monthly'
    timePeriod: {
      startDate: '2026-01-01'
    }
    notifications: {
      actual80: {
        enabled: true
        operator: 'GreaterThan'
        threshold: 80
        thresholdType: 'Actual'
        contactEmails: [
          'finops@contoso.com'
        ]
      }
      forecast100: {
        enabled: true
        operator: 'GreaterThan'
        threshold: 100
        thresholdType: 'Forecasted'
        contactEmails: [
          'finops@contoso.com'
        ]
      }
    }
  }
}
