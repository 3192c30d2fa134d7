// The user-assigned managed identity the bot authenticates with (MicrosoftAppType=UserAssignedMSI).

import { resourceTags } from 'types.bicep'

@description('Azure region of the identity.')
param location string

@description('Name of the managed identity.')
param name string

@description('Tags for every resource.')
param tags resourceTags

resource identity 'Microsoft.ManagedIdentity/userAssignedIdentities@2024-11-30' = {
  name: name
  location: location
  tags: tags
}

@description('Resource id of the identity (the web app is assigned it; the Azure Bot names it).')
output id string = identity.id

@description('Client id of the identity: the bot\'s MicrosoftAppId.')
output clientId string = identity.properties.clientId

@description('Tenant of the identity: the bot\'s MicrosoftAppTenantId.')
output tenantId string = identity.properties.tenantId
