// The App Service plan and the Linux web app that runs the bot (.NET 10), with every app setting it needs.
// App settings override Bot/appsettings.json; ASP.NET Core reads "__" in a setting name as ":".

import { appType, coach, resourceTags, teams } from 'types.bicep'

@description('Azure region of the resources.')
param location string

@description('Name of the App Service plan.')
param planName string

@description('Name of the web app; it answers at https://<name>.azurewebsites.net.')
param webAppName string

@description('Pricing tier of the App Service plan.')
param planSku string

@description('Number of web app instances.')
param instanceCount int

@description('Resource id of the user-assigned managed identity to assign to the web app; empty for none.')
param identityResourceId string

@description('MicrosoftAppType of the bot.')
param microsoftAppType appType

@description('MicrosoftAppId: the managed identity\'s client id or the app registration\'s id.')
param microsoftAppId string

@description('MicrosoftAppPassword: the app registration\'s client secret; empty with a managed identity.')
@secure()
param microsoftAppPassword string

@description('MicrosoftAppTenantId: empty for MultiTenant.')
param microsoftAppTenantId string

@description('Bot:Name, shown in the chat widget\'s header and in messages.')
param botDisplayName string

@description('Name of the storage account that holds the bot\'s data.')
param storageAccountName string

@description('Name of the blob container (Storage:Container).')
param containerName string

@description('Name of the Application Insights component.')
param appInsightsName string

@description('Metrics:AccessKeys:0, the key that opens the metrics dashboard and API.')
@secure()
param metricsAccessKey string

@description('Handoff:Coaches.')
param coaches coach[]

@description('Console keys of the coaches, by coach id: { "<coach id>": "<key>" }. A coach without a key cannot open /coach.')
@secure()
param coachConsoleKeys {
  *: string
}

@description('Handoff:Teams schedules.')
param teamSchedules teams

@description('DirectLine:TokenSigningSecret; empty: generated once and kept in the shared storage.')
@secure()
param directLineTokenSigningSecret string

@description('Tags for every resource.')
param tags resourceTags

// The port the app listens on. Bot/appsettings.json sets "Urls" (http://localhost:3978 for local use), which
// would win over the ASPNETCORE_URLS/ASPNETCORE_HTTP_PORTS that App Service gives the app, so "Urls" is set
// here and App Service is told the port.
var port = 8080

// The local Direct Line channel posts the bot's replies back to this serviceUrl. Loopback on the app's own
// port makes every instance treat it as its own address, so a reply (or a coach's message) written on one
// instance lands in the shared store whichever instance the visitor polls.
var localServiceUrl = 'http://127.0.0.1:${port}/'

// Bot/appsettings.json ships sample coaches (with well-known console keys) for trying /coach locally. App
// settings can replace list entries but not remove them, so a sample entry that no deployed coach replaces
// keeps its id and name but loses every way in (console key and Teams id).
var sampleCoachIds = loadJsonContent('../../Bot/appsettings.json', '$.Handoff.Coaches[*].Id')
var coachSlots = max(length(coaches), length(sampleCoachIds))

var coachSettings = flatten(map(range(0, coachSlots), i => i < length(coaches)
  ? [
      { name: 'Handoff__Coaches__${i}__Id', value: coaches[i].id }
      { name: 'Handoff__Coaches__${i}__Name', value: coaches[i].name }
      { name: 'Handoff__Coaches__${i}__Team', value: coaches[i].team }
      { name: 'Handoff__Coaches__${i}__ConsoleKey', value: coachConsoleKeys[?coaches[i].id] ?? '' }
      { name: 'Handoff__Coaches__${i}__TeamsUserId', value: coaches[i].?teamsUserId ?? '' }
    ]
  : [
      { name: 'Handoff__Coaches__${i}__ConsoleKey', value: '' }
      { name: 'Handoff__Coaches__${i}__TeamsUserId', value: '' }
    ]))

var teamList = [
  union(teamSchedules.sales, { name: 'sales' })
  union(teamSchedules.support, { name: 'support' })
]

var teamSettings = flatten(map(range(0, length(teamList)), t => concat(
  [
    { name: 'Handoff__Teams__${t}__Name', value: teamList[t].name }
    { name: 'Handoff__Teams__${t}__TimeZone', value: teamList[t].timeZone }
    { name: 'Handoff__Teams__${t}__AcceptTimeoutSeconds', value: string(teamList[t].acceptTimeoutSeconds) }
  ],
  flatten(map(range(0, length(teamList[t].officeHours)), r => [
    { name: 'Handoff__Teams__${t}__OfficeHours__${r}__Days', value: teamList[t].officeHours[r].days }
    { name: 'Handoff__Teams__${t}__OfficeHours__${r}__Open', value: teamList[t].officeHours[r].open }
    { name: 'Handoff__Teams__${t}__OfficeHours__${r}__Close', value: teamList[t].officeHours[r].close }
  ]))
)))

resource storageAccount 'Microsoft.Storage/storageAccounts@2025-06-01' existing = {
  name: storageAccountName
}

resource appInsights 'Microsoft.Insights/components@2020-02-02' existing = {
  name: appInsightsName
}

var baseSettings = [
  // Host and App Service.
  { name: 'Urls', value: 'http://+:${port}' }
  { name: 'WEBSITES_PORT', value: string(port) }
  // Application Insights: the bot sends its outcome events there (custom events); App Service's built-in agent
  // reads the same connection string for requests, dependencies and logs (it may stand down beside the bot's own
  // Application Insights library: docs/deployment.md says what to check).
  { name: 'APPLICATIONINSIGHTS_CONNECTION_STRING', value: appInsights.properties.ConnectionString }
  { name: 'ApplicationInsightsAgent_EXTENSION_VERSION', value: '~3' }
  { name: 'XDT_MicrosoftApplicationInsights_Mode', value: 'recommended' }
  // Bot Framework authentication (ConfigurationBotFrameworkAuthentication).
  { name: 'MicrosoftAppType', value: microsoftAppType }
  { name: 'MicrosoftAppId', value: microsoftAppId }
  { name: 'MicrosoftAppPassword', value: microsoftAppPassword }
  { name: 'MicrosoftAppTenantId', value: microsoftAppTenantId }
  // Bot, storage, local Direct Line channel, metrics.
  { name: 'Bot__Name', value: botDisplayName }
  { name: 'Storage__Kind', value: 'Blob' }
  {
    name: 'Storage__ConnectionString'
    value: 'DefaultEndpointsProtocol=https;AccountName=${storageAccount.name};AccountKey=${storageAccount.listKeys().keys[0].value};EndpointSuffix=${environment().suffixes.storage}'
  }
  { name: 'Storage__Container', value: containerName }
  { name: 'DirectLine__ServiceUrl', value: localServiceUrl }
  { name: 'DirectLine__TokenSigningSecret', value: directLineTokenSigningSecret }
  { name: 'Metrics__AccessKeys__0', value: metricsAccessKey }
]

resource plan 'Microsoft.Web/serverfarms@2024-11-01' = {
  name: planName
  location: location
  tags: tags
  kind: 'linux'
  sku: {
    name: planSku
    capacity: instanceCount
  }
  properties: {
    reserved: true
  }
}

resource webApp 'Microsoft.Web/sites@2024-11-01' = {
  name: webAppName
  location: location
  tags: tags
  kind: 'app,linux'
  identity: empty(identityResourceId)
    ? { type: 'None' }
    : {
        type: 'UserAssigned'
        userAssignedIdentities: {
          '${identityResourceId}': {}
        }
      }
  properties: {
    serverFarmId: plan.id
    httpsOnly: true
    // Every instance serves every visitor: conversations, the queue and events live in the shared container.
    clientAffinityEnabled: false
    publicNetworkAccess: 'Enabled'
    siteConfig: {
      linuxFxVersion: 'DOTNETCORE|10.0'
      // The published Bot project (AssemblyName ChatBot).
      appCommandLine: 'dotnet ChatBot.dll'
      alwaysOn: true
      healthCheckPath: '/healthz'
      // Web Chat polls the local Direct Line channel; no WebSocket is served.
      webSocketsEnabled: false
      http20Enabled: true
      minTlsVersion: '1.2'
      scmMinTlsVersion: '1.2'
      ftpsState: 'Disabled'
      appSettings: concat(baseSettings, coachSettings, teamSettings)
    }
  }
}

@description('Name of the web app.')
output webAppName string = webApp.name

@description('Default host name of the web app.')
output defaultHostName string = webApp.properties.defaultHostName
