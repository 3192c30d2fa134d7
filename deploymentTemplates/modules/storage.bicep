// The storage account and blob container that hold the bot's state, conversations, handoff queue, events and
// transcripts (Storage:Kind=Blob). Several web app instances share this one container.

import { resourceTags } from 'types.bicep'

@description('Azure region of the resources.')
param location string

@description('Name of the storage account: 3-24 lowercase letters and digits, unique across Azure.')
@minLength(3)
@maxLength(24)
param storageAccountName string

@description('Replication of the storage account.')
@allowed([
  'Standard_LRS'
  'Standard_ZRS'
  'Standard_GRS'
  'Standard_RAGRS'
])
param skuName string

@description('Name of the blob container (Storage:Container).')
@minLength(3)
@maxLength(63)
param containerName string

@description('Days a deleted or overwritten blob can still be restored; 0 turns soft delete off.')
@minValue(0)
@maxValue(365)
param softDeleteDays int

@description('Tags for every resource.')
param tags resourceTags

resource account 'Microsoft.Storage/storageAccounts@2025-06-01' = {
  name: storageAccountName
  location: location
  tags: tags
  kind: 'StorageV2'
  sku: {
    name: skuName
  }
  properties: {
    accessTier: 'Hot'
    supportsHttpsTrafficOnly: true
    minimumTlsVersion: 'TLS1_2'
    allowBlobPublicAccess: false
    // The bot connects with a connection string (Storage:ConnectionString), which carries the account key.
    allowSharedKeyAccess: true
    allowCrossTenantReplication: false
    publicNetworkAccess: 'Enabled'
  }
}

resource blobService 'Microsoft.Storage/storageAccounts/blobServices@2025-06-01' = {
  parent: account
  name: 'default'
  properties: {
    deleteRetentionPolicy: softDeleteDays > 0
      ? {
          enabled: true
          days: max(softDeleteDays, 1)
        }
      : {
          enabled: false
        }
    containerDeleteRetentionPolicy: softDeleteDays > 0
      ? {
          enabled: true
          days: max(softDeleteDays, 1)
        }
      : {
          enabled: false
        }
  }
}

resource container 'Microsoft.Storage/storageAccounts/blobServices/containers@2025-06-01' = {
  parent: blobService
  name: containerName
  properties: {
    publicAccess: 'None'
  }
}

@description('Name of the storage account.')
output storageAccountName string = account.name

@description('Name of the blob container.')
output containerName string = container.name
