@secure()
param scoringDbKey string

resource scoringGroup 'Microsoft.ContainerInstance/containerGroups@2023-05-01' = {
  name: 'aci-score-prod'
  location: 'westeurope'
  tags: {
    environment: 'prod'
    workload: 'ml-scoring'
  }
  zones: [
    '1'
  ]
  identity: {
    type: 'UserAssigned'
    userAssignedIdentities: {
      '/subscriptions/00000000-0000-0000-0000-000000000000/resourceGroups/rg1/providers/Microsoft.ManagedIdentity/userAssignedIdentities/id-aci-score-prod': {}
    }
  }
  properties: {
    osType: 'Linux'
    sku: 'Standard'
    restartPolicy: 'Always'
    containers: [
      {
        name: 'scorer'
        properties: {
          image: 'crscoringprod.azurecr.io/fraud-scorer:3.1.0'
          ports: [
            {
              protocol: 'TCP'
              port: 5001
            }
          ]
          environmentVariables: [
            {
              name: 'MODEL_NAME'
              value: 'fraud-model'
            }
            {
              name: 'SCORING_DB_KEY'
              secureValue: scoringDbKey
            }
          ]
          resources: {
            requests: {
              cpu: 2
              memoryInGB: 4
            }
          }
        }
      }
    ]
    ipAddress: {
      type: 'Private'
      ports: [
        {
          protocol: 'TCP'
          port: 5001
        }
      ]
    }
    subnetIds: [
      {
        id: '/subscriptions/00000000-0000-0000-0000-000000000000/resourceGroups/rg1/providers/Microsoft.Network/virtualNetworks/vnet-scoring-prod/subnets/snet-aci'
      }
    ]
    imageRegistryCredentials: [
      {
        server: 'crscoringprod.azurecr.io'
        identity: '/subscriptions/00000000-0000-0000-0000-000000000000/resourceGroups/rg1/providers/Microsoft.ManagedIdentity/userAssignedIdentities/id-aci-score-prod'
      }
    ]
  }
}
