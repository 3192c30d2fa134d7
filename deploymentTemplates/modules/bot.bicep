// The Azure Bot resource: registers the web app's messaging endpoint with Azure AI Bot Service and connects
// it to the Web Chat, Direct Line and Microsoft Teams channels.

import { appType, resourceTags } from 'types.bicep'

@description('Name of the Azure Bot resource, unique across Azure.')
param botName string

@description('Name shown for the bot in channels such as Teams.')
param displayName string

@description('Pricing tier: F0 (free, standard channels only) or S1.')
param sku string

@description('The bot\'s messaging endpoint: https://<web app>/api/messages.')
param messagingEndpoint string

@description('MicrosoftAppType of the bot.')
param microsoftAppType appType

@description('The managed identity\'s client id or the app registration\'s id.')
param microsoftAppId string

@description('Tenant of the identity or app registration; empty for MultiTenant.')
param microsoftAppTenantId string

@description('Resource id of the user-assigned managed identity; empty unless MicrosoftAppType is UserAssignedMSI.')
param identityResourceId string

@description('Tags for every resource.')
param tags resourceTags

resource bot 'Microsoft.BotService/botServices@2022-09-15' = {
  name: botName
  location: 'global'
  tags: tags
  kind: 'azurebot'
  sku: {
    name: sku
  }
  properties: {
    displayName: displayName
    endpoint: messagingEndpoint
    msaAppType: microsoftAppType
    msaAppId: microsoftAppId
    msaAppTenantId: empty(microsoftAppTenantId) ? null : microsoftAppTenantId
    msaAppMSIResourceId: empty(identityResourceId) ? null : identityResourceId
    publicNetworkAccess: 'Enabled'
  }
}

resource webChatChannel 'Microsoft.BotService/botServices/channels@2022-09-15' = {
  parent: bot
  name: 'WebChatChannel'
  location: 'global'
  properties: {
    channelName: 'WebChatChannel'
    properties: {
      sites: [
        {
          siteName: 'Default Site'
          isEnabled: true
          isWebchatPreviewEnabled: true
        }
      ]
    }
  }
}

resource directLineChannel 'Microsoft.BotService/botServices/channels@2022-09-15' = {
  parent: bot
  name: 'DirectLineChannel'
  location: 'global'
  properties: {
    channelName: 'DirectLineChannel'
    properties: {
      sites: [
        {
          siteName: 'Default Site'
          isEnabled: true
          isV1Enabled: false
          isV3Enabled: true
          isSecureSiteEnabled: false
          isBlockUserUploadEnabled: false
        }
      ]
    }
  }
}

resource teamsChannel 'Microsoft.BotService/botServices/channels@2022-09-15' = {
  parent: bot
  name: 'MsTeamsChannel'
  location: 'global'
  properties: {
    channelName: 'MsTeamsChannel'
    properties: {
      isEnabled: true
      enableCalling: false
    }
  }
}

@description('Name of the Azure Bot resource.')
output botName string = bot.name

@description('Channels the bot is connected to.')
output channels string[] = [webChatChannel.name, directLineChannel.name, teamsChannel.name]
