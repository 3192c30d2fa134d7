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
            if (root.TryGetProperty("text", out var text))
            {
                if (text.ValueKind != JsonValueKind.String && text.ValueKind != JsonValueKind.Null)
                {
                    return (ActivityCheck.Invalid, "The activity's 'text' must be a string.");
                }
                if (text.ValueKind == JsonValueKind.String && text.GetString()!.Length > maxTextLength)
                {
                    return (ActivityCheck.Invalid, $"The activity's 'text' is longer than the {maxTextLength:N0}-character limit.");
                }
            }
            return KnownTypes.Contains(type.GetString()!) ? (ActivityCheck.Valid, null) : (ActivityCheck.Ignore, null);
        }
    }
}
