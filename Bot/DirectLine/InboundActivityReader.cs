using ChatBot.Endpoints;
using Newtonsoft.Json;
using Newtonsoft.Json.Linq;

namespace ChatBot.DirectLine;

/// <summary>
/// Turns what a Direct Line client posts into the fields a user may set. Everything that says who sent it,
/// where it goes or what it answers (from, recipient, conversation, id, replyToId, serviceUrl, channelId,
/// timestamp) is dropped here and set by the server.
/// </summary>
public static class InboundActivityReader
{
    private static readonly HashSet<string> AllowedTypes = new(StringComparer.Ordinal) { "message", "event", "typing" };

    private static readonly string[] CopiedFields =
    [
        "type", "text", "textFormat", "locale", "localTimestamp", "localTimezone", "attachments", "attachmentLayout",
        "channelData", "value", "name", "entities", "inputHint", "speak",
    ];

    /// <summary>Most characters of JSON an activity may carry besides its text (channelData, value, entities, cards...).</summary>
    public const int MaxNonTextChars = 32 * 1024;

    public static (JObject? Activity, string? Error) Read(string body, int maxTextLength, bool allowEmptyMessage = false)
    {
        if (string.IsNullOrWhiteSpace(body))
        {
            return (null, "The request body is empty: send one activity as JSON.");
        }
        JToken parsed;
        try
        {
            using var reader = new JsonTextReader(new StringReader(body)) { MaxDepth = 32, DateParseHandling = DateParseHandling.None };
            parsed = JToken.ReadFrom(reader);
            if (reader.Read())
            {
                return (null, "The request body must hold exactly one JSON object.");
            }
        }
        catch (JsonException)
        {
            return (null, "The request body is not valid JSON.");
        }
        if (parsed is not JObject source)
        {
            return (null, "The request body must be a JSON object (one activity).");
        }
        if (source["type"] is not JValue { Type: JTokenType.String } typeValue || string.IsNullOrWhiteSpace((string?)typeValue))
        {
            return (null, "The activity's 'type' is required and must be a string.");
        }
        var type = (string)typeValue!;
        if (!AllowedTypes.Contains(type))
        {
            return (null, $"Activities of type '{Truncate(type)}' cannot be posted here (message, event or typing).");
        }

        var error = CheckType(source, "text", JTokenType.String) ?? CheckType(source, "name", JTokenType.String)
            ?? CheckType(source, "locale", JTokenType.String) ?? CheckType(source, "textFormat", JTokenType.String)
            ?? CheckType(source, "attachments", JTokenType.Array) ?? CheckType(source, "entities", JTokenType.Array)
            ?? CheckType(source, "channelData", JTokenType.Object) ?? CheckType(source, "localTimezone", JTokenType.String)
            ?? CheckType(source, "attachmentLayout", JTokenType.String) ?? CheckType(source, "inputHint", JTokenType.String)
            ?? CheckType(source, "speak", JTokenType.String) ?? CheckType(source, "localTimestamp", JTokenType.String);
        if (error != null)
        {
            return (null, error);
        }
        // Checked here, not left to the bot's adapter: an activity it refuses would be stored and shown, then lost.
        if (source["localTimestamp"] is JValue { Type: JTokenType.String } local
            && !DateTimeOffset.TryParse((string?)local, System.Globalization.CultureInfo.InvariantCulture, System.Globalization.DateTimeStyles.None, out _))
        {
            return (null, "The activity's 'localTimestamp' must be an ISO 8601 date and time.");
        }
        var text = source.Value<string>("text");
        if (text != null && text.Length > maxTextLength)
        {
            return (null, $"The activity's 'text' is longer than the {maxTextLength:N0}-character limit.");
        }
        if (type == "message" && !allowEmptyMessage && string.IsNullOrWhiteSpace(text) && source["attachments"] is not JArray { Count: > 0 } && source["value"] == null)
        {
            return (null, "A message needs 'text', 'attachments' or 'value'.");
        }
        if (source["attachments"] is JArray attachments && attachments.Any(a => a is not JObject))
        {
            return (null, "Each attachment must be a JSON object.");
        }

        var activity = new JObject();
        var extraChars = 0;
        foreach (var field in CopiedFields)
        {
            if (source.TryGetValue(field, out var value) && value.Type != JTokenType.Null)
            {
                activity[field] = value.DeepClone();
                extraChars += field == "text" ? 0 : value.ToString(Formatting.None).Length;
            }
        }
        if (extraChars > MaxNonTextChars)
        {
            // Every poll of the conversation carries what is stored: a client may not make them all heavy.
            return (null, $"The activity's fields other than 'text' hold more than {MaxNonTextChars / 1024} KB; files go through upload.");
        }
        if (text != null)
        {
            activity["text"] = InputSanitizerMiddleware.Clean(text);
        }
        return (activity, null);
    }

    private static string? CheckType(JObject source, string field, JTokenType expected) =>
        source.TryGetValue(field, out var value) && value.Type != JTokenType.Null && value.Type != expected
            ? $"The activity's '{field}' must be {(expected == JTokenType.String ? "a string" : expected == JTokenType.Array ? "an array" : "an object")}."
            : null;

    private static string Truncate(string value) => value.Length <= 40 ? value : value[..40] + "…";
}
