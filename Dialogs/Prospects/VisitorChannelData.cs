using ChatBot.Dialogs.Recognizers;
using Microsoft.Bot.Schema;
using Newtonsoft.Json.Linq;

namespace ChatBot.Dialogs.Prospects;

/// <summary>
/// What the page tells the bot about the visitor, on every message: <c>channelData.visitor = { type, name, email,
/// company }</c>, with type prospect, free or customer (Bot/wwwroot/chat.js sets it from <c>?visitor=</c> or the
/// chat panel's data attributes). A hint for greeting and routing, not proof of identity: anything missing, too
/// long or malformed is ignored, never an error.
/// </summary>
public sealed class VisitorChannelData
{
    public const string Property = "visitor";
    private const int MaxTextLength = 100;

    public string? Type { get; init; }
    public string? Name { get; init; }
    public string? Email { get; init; }
    public string? Company { get; init; }

    public static VisitorChannelData? From(IActivity activity)
    {
        JObject? channelData;
        try
        {
            channelData = activity.ChannelData switch
            {
                null => null,
                JObject json => json,
                string => null,
                var other => JToken.FromObject(other) as JObject,
            };
        }
        catch (Exception e) when (e is ArgumentException or Newtonsoft.Json.JsonException)
        {
            return null;
        }
        if (channelData?[Property] is not JObject visitor)
        {
            return null;
        }
        var email = Text(visitor, "email");
        var data = new VisitorChannelData
        {
            Type = VisitorTypes.Parse(Text(visitor, "type")),
            Name = Text(visitor, "name"),
            Email = email == null ? null : EmailRecognizer.Validate(email),
            Company = Text(visitor, "company"),
        };
        return data.Type == null && data.Name == null && data.Email == null && data.Company == null ? null : data;
    }

    /// <summary>Copies what the page said onto the profile; the page knows a signed-in visitor better than memory does.</summary>
    public void ApplyTo(VisitorProfile profile)
    {
        profile.VisitorType = Type ?? profile.VisitorType;
        profile.Name = Name ?? profile.Name;
        profile.Company = Company ?? profile.Company;
        if (Email != null && !string.Equals(Email, profile.Email, StringComparison.OrdinalIgnoreCase))
        {
            profile.Email = Email;
            // Consent was given for another address.
            profile.ContactConsent = null;
        }
    }

    private static string? Text(JObject visitor, string name)
    {
        if (visitor[name] is not JValue { Value: string raw })
        {
            return null;
        }
        var text = new string(raw.Where(c => !char.IsControl(c)).ToArray()).Trim();
        return text.Length is > 0 and <= MaxTextLength ? text : null;
    }
}
