// A private zone named after the Azure Government blob domain takes over every storage account
// name in that cloud for the linked networks, not only the private ones.
resource blobZone 'Microsoft.Network/privateDnsZones@2020-06-01' = {
  name: 'blob.core.usgovcloudapi.net'
  location: 'global'
}
