// A Workflow Standard plan (Logic Apps Standard) scales out elastically by itself, like Elastic
// Premium: it takes no autoscale setting. Only the Premium v3 plan is judged here.
resource logicPlan 'Microsoft.Web/serverfarms@2023-12-01' = {
  name: 'asp-logic-ws1'
  location: 'westeurope'
  kind: 'elastic'
  sku: {
    name: 'WS1'
    tier: 'WorkflowStandard'
  }
  properties: {
    maximumElasticWorkerCount: 20
  }
}

resource webPlan 'Microsoft.Web/serverfarms@2023-12-01' = {
  name: 'asp-web-p1v3'
  location: 'westeurope'
  sku: {
    name: 'P1v3'
  }
  properties: {
    elasticScaleEnabled: true
    maximumElasticWorkerCount: 10
  }
}
