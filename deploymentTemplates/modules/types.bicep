// Parameter types shared by main.bicep and its modules.

@export()
@description('A coach who takes conversations handed off by the bot (one entry of Handoff:Coaches).')
type coach = {
  @description('Short id used in coach commands ("transfer dana") and in the console: lowercase letters, digits and dashes, at most 40.')
  @minLength(1)
  @maxLength(40)
  id: string

  @description('Name shown to visitors next to every message the coach sends.')
  @minLength(1)
  @maxLength(60)
  name: string

  @description('The team the coach works in.')
  team: 'sales' | 'support'

  @description('Optional: the coach\'s Microsoft Teams user id (from.id on channel msteams), so the coach can take handoffs in Teams.')
  teamsUserId: string?
}

@export()
@description('One opening rule of a team, in the team\'s time zone.')
type officeHoursRule = {
  @description('"Mon-Fri", "Sat", "Mon,Wed,Fri" or "Mon-Sun".')
  days: string

  @description('Opening time, HH:mm, inclusive.')
  open: string

  @description('Closing time, HH:mm, exclusive; "24:00" for midnight.')
  close: string
}

@export()
@description('When a team takes chats and how long a visitor waits for one of its coaches.')
type teamSchedule = {
  @description('IANA or Windows time zone id of the office hours, e.g. "Europe/Paris" or "UTC".')
  timeZone: string

  @description('Opening rules; use one rule Mon-Sun 00:00-24:00 for a team that always takes chats.')
  @minLength(1)
  officeHours: officeHoursRule[]

  @description('Seconds a queued visitor waits for a coach before being told nobody could take the chat.')
  @minValue(5)
  @maxValue(86400)
  acceptTimeoutSeconds: int
}

@export()
@description('The schedules of the bot\'s two teams (Handoff:Teams). The team names are fixed by the bot.')
type teams = {
  @description('The sales team.')
  sales: teamSchedule

  @description('The support team.')
  support: teamSchedule
}

@export()
@description('How the bot authenticates to the Bot Framework channels (MicrosoftAppType).')
type appType = 'UserAssignedMSI' | 'SingleTenant' | 'MultiTenant'

@export()
@description('Resource tags: names and string values.')
type resourceTags = {
  *: string
}

