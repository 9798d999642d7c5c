// A generated password in a @secure() parameter never appears in the template or its history.
@secure()
param vmAdminPassword string = newGuid()

resource vm 'Microsoft.Compute/virtualMachines@2024-03-01' = {
  name: 'vm-jump-weu'
  location: 'westeurope'
  properties: {
    osProfile: {
      computerName: 'jump'
      adminUsername: 'azureuser'
      adminPassword: vmAdminPassword
    }
  }
}
