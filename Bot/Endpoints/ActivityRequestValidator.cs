using System.Text.Json;
using Microsoft.Bot.Schema;

namespace ChatBot.Endpoints;

public enum ActivityCheck
{
    Valid,
    /// <summary>Well-formed, but of a type no part of the bot handles: acknowledged and dropped.</summary>
    Ignore,
    Invalid,
}

/// <summary>
/// Checks the raw body of POST /api/messages before the SDK sees it, so that malformed input gets
/// a 4xx with one plain reason and never reaches a turn (where it could fail half-way or change state).
/// </summary>
public static class ActivityRequestValidator
{
    private static readonly HashSet<string> KnownTypes = new(StringComparer.OrdinalIgnoreCase)
    {
        ActivityTypes.Message, ActivityTypes.ConversationUpdate, ActivityTypes.ContactRelationUpdate,
        ActivityTypes.Typing, ActivityTypes.EndOfConversation, ActivityTypes.Event, ActivityTypes.Invoke,
        ActivityTypes.DeleteUserData, ActivityTypes.MessageUpdate, ActivityTypes.MessageDelete,
        ActivityTypes.InstallationUpdate, ActivityTypes.MessageReaction, ActivityTypes.Suggestion,
        ActivityTypes.Trace, ActivityTypes.Handoff, ActivityTypes.Command, ActivityTypes.CommandResult,
    };

    // Fields the SDK reads into typed properties: a value of another JSON kind fails its deserialization mid-request.
    private static readonly string[] StringFields = ["id", "text", "textFormat", "locale", "speak", "inputHint", "replyToId", "name", "summary", "action"];
    private static readonly string[] ObjectFields = ["from", "recipient", "suggestedActions"];
    private static readonly string[] ArrayFields = ["attachments", "entities", "membersAdded", "membersRemoved", "reactionsAdded", "reactionsRemoved"];
    private static readonly string[] DateFields = ["timestamp", "localTimestamp"];

    /// <summary>The first field whose JSON kind the SDK cannot read, or a string that is not valid Unicode; null when all fit.</summary>
    private static string? ShapeProblem(JsonElement root)
    {
        foreach (var property in root.EnumerateObject())
        {
            var name = property.Name;
            var value = property.Value;
            if (value.ValueKind == JsonValueKind.Null)
            {
                continue;
            }
            if ((StringFields.Contains(name) || DateFields.Contains(name)) && value.ValueKind != JsonValueKind.String)
            {
                return $"The activity's '{name}' must be a string.";
            }
            if (DateFields.Contains(name) && !DateTimeOffset.TryParse(value.GetString(), System.Globalization.CultureInfo.InvariantCulture, System.Globalization.DateTimeStyles.None, out _))
            {
                return $"The activity's '{name}' must be an ISO 8601 date and time.";
            }
            if (ObjectFields.Contains(name) && value.ValueKind != JsonValueKind.Object)
            {
                return $"The activity's '{name}' must be an object.";
            }
            if (ArrayFields.Contains(name) && value.ValueKind != JsonValueKind.Array)
            {
                return $"The activity's '{name}' must be an array.";
            }
        }
        return HasInvalidString(root) ? "The activity contains text that is not valid Unicode (a lone surrogate)." : null;
    }

    private static bool HasInvalidString(JsonElement element)
    {
        switch (element.ValueKind)
        {
            case JsonValueKind.Object:
                foreach (var property in element.EnumerateObject())
                {
                    if (!IsValidUnicode(property.Name) || HasInvalidString(property.Value))
                    {
                        return true;
                    }
                }
                return false;
            case JsonValueKind.Array:
                foreach (var item in element.EnumerateArray())
                {
                    if (HasInvalidString(item))
                    {
                        return true;
                    }
                }
                return false;
            case JsonValueKind.String:
                try
                {
                    return !IsValidUnicode(element.GetString()!);
                }
                catch (InvalidOperationException)
                {
                    // System.Text.Json refuses to decode an escaped lone surrogate.
                    return true;
                }
            default:
                return false;
        }
    }

    private static bool IsValidUnicode(string value)
    {
        for (var i = 0; i < value.Length; i++)
        {
            if (char.IsHighSurrogate(value[i]) && i + 1 < value.Length && char.IsLowSurrogate(value[i + 1]))
            {
                i++;
            }
            else if (char.IsSurrogate(value[i]))
            {
                return false;
            }
        }
        return true;
    }

    public static (ActivityCheck Check, string? Reason) Check(string body, int maxTextLength)
    {
        if (string.IsNullOrWhiteSpace(body))
        {
            return (ActivityCheck.Invalid, "The request body is empty: send one activity as JSON.");
        }

        JsonDocument document;
        try
        {
            document = JsonDocument.Parse(body, new JsonDocumentOptions { MaxDepth = 64 });
        }
        catch (JsonException)
        {
            return (ActivityCheck.Invalid, "The request body is not valid JSON.");
        }

        using (document)
        {
            var root = document.RootElement;
            if (root.ValueKind != JsonValueKind.Object)
            {
                return (ActivityCheck.Invalid, "The request body must be a JSON object (one activity).");
            }
            if (!root.TryGetProperty("type", out var type) || type.ValueKind == JsonValueKind.Null)
            {
                return (ActivityCheck.Invalid, "The activity's 'type' is required.");
            }
            if (type.ValueKind != JsonValueKind.String || string.IsNullOrWhiteSpace(type.GetString()))
            {
                return (ActivityCheck.Invalid, "The activity's 'type' must be a non-empty string.");
            }
            if (!root.TryGetProperty("conversation", out var conversation) || conversation.ValueKind != JsonValueKind.Object)
            {
                return (ActivityCheck.Invalid, "The activity's 'conversation' is required.");
            }
            if (!conversation.TryGetProperty("id", out var conversationId) || conversationId.ValueKind != JsonValueKind.String
                || string.IsNullOrWhiteSpace(conversationId.GetString()))
            {
                return (ActivityCheck.Invalid, "The activity's 'conversation.id' is required.");
            }
            if (!root.TryGetProperty("serviceUrl", out var serviceUrl) || serviceUrl.ValueKind != JsonValueKind.String
                || string.IsNullOrWhiteSpace(serviceUrl.GetString()))
            {
                return (ActivityCheck.Invalid, "The activity's 'serviceUrl' is required.");
            }
            if (!Uri.TryCreate(serviceUrl.GetString(), UriKind.Absolute, out var uri) || (uri.Scheme != "http" && uri.Scheme != "https"))
            {
                return (ActivityCheck.Invalid, "The activity's 'serviceUrl' must be an absolute http(s) URL.");
            }
            if (!root.TryGetProperty("channelId", out var channelId) || channelId.ValueKind != JsonValueKind.String
                || string.IsNullOrWhiteSpace(channelId.GetString()))
            {
                return (ActivityCheck.Invalid, "The activity's 'channelId' is required.");
            }
            if (ShapeProblem(root) is { } problem)
            {
                return (ActivityCheck.Invalid, problem);
            }
            if (root.TryGetProperty("text", out var text) && text.ValueKind == JsonValueKind.String && text.GetString()!.Length > maxTextLength)
            {
                return (ActivityCheck.Invalid, $"The activity's 'text' is longer than the {maxTextLength:N0}-character limit.");
            }
            return KnownTypes.Contains(type.GetString()!) ? (ActivityCheck.Valid, null) : (ActivityCheck.Ignore, null);
        }
    }
}
