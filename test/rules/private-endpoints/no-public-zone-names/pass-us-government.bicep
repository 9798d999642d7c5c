resource blobZone 'Microsoft.Network/privateDnsZones@2020-06-01' = {
  name: 'privatelink.blob.core.usgovcloudapi.net'
  location: 'global'
}
