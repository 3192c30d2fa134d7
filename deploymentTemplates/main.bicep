// ChatBot on Azure: a Linux web app (.NET 10) running the bot, an Azure Bot resource with the Web Chat,
// Direct Line and Microsoft Teams channels, Blob storage shared by every instance, Application Insights on a
// Log Analytics workspace, and a user-assigned managed identity (or an app registration) for the bot.
// Deploy with: az deployment group create --template-file main.bicep --parameters @main.parameters.json ...
// (see docs/deployment.md).

import { appType, coach, resourceTags, teams } from 'modules/types.bicep'

@description('Azure region of every resource but the Azure Bot (which is global). Defaults to the resource group\'s region.')
param location string = resourceGroup().location

@description('Name of the web app (https://<appName>.azurewebsites.net) and of the Azure Bot; prefix of the other resources. 2-40 lowercase letters, digits and dashes, unique across Azure.')
@minLength(2)
@maxLength(40)
param appName string = 'chatbot-${uniqueString(resourceGroup().id)}'

@description('App Service plan tier. Basic (B*) allows up to 3 instances, Standard 10, Premium v3 30. Free and Shared tiers are not offered: they have no Always On.')
@allowed([
  'B1'
  'B2'
  'B3'
  'S1'
  'S2'
  'S3'
  'P0v3'
  'P1v3'
  'P2v3'
  'P3v3'
])
param appServicePlanSku string = 'B1'

@description('Number of web app instances. They share one blob container and behave as one bot.')
@minValue(1)
@maxValue(30)
param instanceCount int = 1

@description('Azure Bot pricing tier: F0 (free, standard channels such as Web Chat, Direct Line and Teams) or S1 (paid, premium channels).')
@allowed([
  'F0'
  'S1'
])
param botSku string = 'F0'

@description('Bot name shown in the chat widget, in messages (Bot:Name) and in channels such as Teams.')
@minLength(1)
@maxLength(60)
param botDisplayName string = 'Larkspur Assistant'

@description('How the bot authenticates to the channels. UserAssignedMSI (default): a managed identity created here, no secret. SingleTenant: an existing app registration in this tenant (set microsoftAppId and microsoftAppPassword). MultiTenant: an existing multi-tenant app registration (Azure no longer creates new ones).')
param microsoftAppType appType = 'UserAssignedMSI'

@description('SingleTenant or MultiTenant only: the app registration\'s application (client) id.')
param microsoftAppId string = ''

@description('SingleTenant or MultiTenant only: a client secret of the app registration.')
@secure()
param microsoftAppPassword string = ''

@description('Tenant of the bot\'s identity or app registration. Defaults to the tenant of this deployment; ignored for MultiTenant.')
param microsoftAppTenantId string = tenant().tenantId

@description('Replication of the storage account that holds conversations, the handoff queue, events and transcripts.')
@allowed([
  'Standard_LRS'
  'Standard_ZRS'
  'Standard_GRS'
  'Standard_RAGRS'
])
param storageSku string = 'Standard_LRS'

@description('Blob container of the bot\'s data (Storage:Container).')
@minLength(3)
@maxLength(63)
param blobContainerName string = 'chatbot'

@description('Days a deleted or overwritten blob stays restorable (blob soft delete); 0 turns it off. Data deleted for a privacy request is gone for good only after this many days.')
@minValue(0)
@maxValue(365)
param blobSoftDeleteDays int = 7

@description('Days Log Analytics keeps logs and Application Insights telemetry.')
@minValue(30)
@maxValue(730)
param logRetentionDays int = 30

@description('Key that opens the metrics dashboard (/dashboard?key=...) and API (X-Access-Key header): Metrics:AccessKeys:0, at least 16 characters. Generate one, e.g. openssl rand -hex 24.')
@secure()
@minLength(16)
param metricsAccessKey string

@description('The coaches who take handed-off conversations (Handoff:Coaches). Their console keys go in coachConsoleKeys.')
@minLength(1)
param coaches coach[]

@description('Console keys that open the coach console (/coach), by coach id: { "dana": "<key>", ... }. Each key unique; a coach without a key can only work from Teams (teamsUserId).')
@secure()
param coachConsoleKeys {
  *: string
} = {}

@description('Time zone, office hours and wait time of the sales and support teams (Handoff:Teams).')
param teamSchedules teams = {
  sales: {
    timeZone: 'UTC'
    officeHours: [
      { days: 'Mon-Sun', open: '00:00', close: '24:00' }
    ]
    acceptTimeoutSeconds: 180
  }
  support: {
    timeZone: 'UTC'
    officeHours: [
      { days: 'Mon-Sun', open: '00:00', close: '24:00' }
    ]
    acceptTimeoutSeconds: 180
  }
}

@description('Key that signs the local Direct Line tokens (DirectLine:TokenSigningSecret), at least 32 characters. Empty (default): generated once and kept in the blob container, shared by every instance.')
@secure()
param directLineTokenSigningSecret string = ''

@description('Tags for every resource.')
param tags resourceTags = {}

var useManagedIdentity = microsoftAppType == 'UserAssignedMSI'
var resourceToken = uniqueString(resourceGroup().id, appName)
// Storage account names: 3-24 lowercase letters and digits.
var storageAccountName = '${take(toLower(replace(appName, '-', '')), 11)}${resourceToken}'
var appInsightsName = 'appi-${appName}'
var identityName = 'id-${appName}'

module identity 'modules/identity.bicep' = if (useManagedIdentity) {
  params: {
    location: location
    name: identityName
    tags: tags
  }
}

module monitoring 'modules/monitoring.bicep' = {
  params: {
    location: location
    workspaceName: 'log-${appName}'
    appInsightsName: appInsightsName
    retentionInDays: logRetentionDays
    tags: tags
  }
}

module storage 'modules/storage.bicep' = {
  params: {
    location: location
    storageAccountName: storageAccountName
    skuName: storageSku
    containerName: blobContainerName
    softDeleteDays: blobSoftDeleteDays
    tags: tags
  }
}

// From the name, so that it is known before the identity exists (and in what-if).
var identityResourceId = useManagedIdentity ? resourceId('Microsoft.ManagedIdentity/userAssignedIdentities', identityName) : ''
var botAppId = useManagedIdentity ? identity!.outputs.clientId : microsoftAppId
var botTenantId = microsoftAppType == 'MultiTenant' ? '' : (useManagedIdentity ? identity!.outputs.tenantId : microsoftAppTenantId)

module webApp 'modules/webApp.bicep' = {
  // The web app reads the storage account's key and the Application Insights connection string by name.
  dependsOn: [
    storage
    monitoring
  ]
  params: {
    location: location
    planName: 'asp-${appName}'
    webAppName: appName
    planSku: appServicePlanSku
    instanceCount: instanceCount
    identityResourceId: identityResourceId
    microsoftAppType: microsoftAppType
    microsoftAppId: botAppId
    microsoftAppPassword: useManagedIdentity ? '' : microsoftAppPassword
    microsoftAppTenantId: botTenantId
    botDisplayName: botDisplayName
    storageAccountName: storageAccountName
    containerName: blobContainerName
    appInsightsName: appInsightsName
    metricsAccessKey: metricsAccessKey
    coaches: coaches
    coachConsoleKeys: coachConsoleKeys
    teamSchedules: teamSchedules
    directLineTokenSigningSecret: directLineTokenSigningSecret
    tags: tags
  }
}

// Built from the app's name rather than read back from the web app, so it is known before the app exists.
var messagingEndpoint = 'https://${appName}.azurewebsites.net/api/messages'

module bot 'modules/bot.bicep' = {
  params: {
    botName: appName
    displayName: botDisplayName
    sku: botSku
    messagingEndpoint: messagingEndpoint
    microsoftAppType: microsoftAppType
    microsoftAppId: botAppId
    microsoftAppTenantId: botTenantId
    identityResourceId: identityResourceId
    tags: tags
  }
}

@description('The bot\'s messaging endpoint registered with Azure AI Bot Service.')
output botEndpoint string = messagingEndpoint

@description('Name of the Azure Bot resource (Channels blade: Teams, Direct Line, Web Chat).')
output botName string = bot.outputs.botName

@description('The bot\'s MicrosoftAppId (the managed identity\'s client id, or the app registration): the botId of a Teams app manifest.')
output microsoftAppId string = botAppId

@description('Name of the web app, for az webapp deploy.')
output webAppName string = webApp.outputs.webAppName

@description('URL of the web app: the product page with Web Chat; /coach is the coach console, /dashboard the metrics.')
output webAppUrl string = 'https://${webApp.outputs.defaultHostName}'

@description('Name of the storage account that holds the bot\'s data.')
output storageAccountName string = storage.outputs.storageAccountName

@description('Name of the blob container that holds the bot\'s data.')
output blobContainerName string = storage.outputs.containerName
