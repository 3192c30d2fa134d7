using ChatBot.Options;
using Microsoft.Extensions.Options;
using Newtonsoft.Json;
using Newtonsoft.Json.Linq;

namespace ChatBot.DirectLine;

/// <summary>
/// This host's Bot Connector API (the part a bot uses to talk in a conversation): the bot's Connector client
/// posts its replies and proactive messages here, and they are stored for the Direct Line client to poll.
/// Only the bot may call it: each request must carry the local bot token, which only this process's
/// <see cref="LocalConnectorFactory"/> can sign (with or without a MicrosoftAppId).
/// </summary>
public static class ConnectorEndpoints
{
    private const int MaxActivityBytes = 4 * 1024 * 1024;

    public static void Map(IEndpointRouteBuilder app)
    {
        var group = app.MapGroup("/v3/conversations");
        group.MapPost("/{conversationId}/activities", (string conversationId, HttpContext http, DirectLineTokenService tokens,
            ConversationStore store, IOptions<BotOptions> bot, CancellationToken ct) => PostAsync(conversationId, null, http, tokens, store, bot, ct));
        group.MapPost("/{conversationId}/activities/{activityId}", (string conversationId, string activityId, HttpContext http,
            DirectLineTokenService tokens, ConversationStore store, IOptions<BotOptions> bot, CancellationToken ct) =>
            PostAsync(conversationId, activityId, http, tokens, store, bot, ct));
        group.MapGet("/{conversationId}/members", GetMembersAsync);
    }

    private static async Task<IResult> PostAsync(string conversationId, string? replyToId, HttpContext http, DirectLineTokenService tokens,
        ConversationStore store, IOptions<BotOptions> botOptions, CancellationToken cancellationToken)
    {
        if (!await tokens.ValidateServiceHeaderAsync(http.Request.Headers.Authorization, DirectLineTokenService.BotAudience, cancellationToken))
        {
            return DirectLineHttp.Error(StatusCodes.Status401Unauthorized, "Only the bot may post to this conversation.");
        }
        var body = await DirectLineHttp.ReadBodyAsync(http.Request, MaxActivityBytes, cancellationToken);
        if (body == null)
        {
            return DirectLineHttp.Error(StatusCodes.Status413PayloadTooLarge, "The activity is too large.");
        }
        JObject activity;
        try
        {
            using var reader = new JsonTextReader(new StringReader(body)) { MaxDepth = 64, DateParseHandling = DateParseHandling.None };
            if (JToken.ReadFrom(reader) is not JObject parsed)
            {
                return DirectLineHttp.Error(StatusCodes.Status400BadRequest, "The request body must be a JSON object (one activity).");
            }
            activity = parsed;
        }
        catch (JsonException)
        {
            return DirectLineHttp.Error(StatusCodes.Status400BadRequest, "The request body is not valid JSON.");
        }
        var type = activity["type"]?.Type == JTokenType.String ? (string?)activity["type"] : null;
        if (string.IsNullOrWhiteSpace(type))
        {
            return DirectLineHttp.Error(StatusCodes.Status400BadRequest, "The activity's 'type' is required.");
        }
        if (type == "trace")
        {
            // Debugging output for the Emulator; channels drop it.
            return Results.Json(new { id = "" });
        }

        var bot = botOptions.Value;
        var stored = await store.AppendAsync(conversationId, (id, timestamp) =>
        {
            var copy = (JObject)activity.DeepClone();
            copy.Remove("serviceUrl");
            copy["id"] = id;
            copy["timestamp"] = timestamp;
            copy["channelId"] = DirectLineChannel.ChannelId;
            copy["conversation"] = new JObject { ["id"] = conversationId };
            var from = copy["from"] as JObject ?? new JObject { ["id"] = bot.Id, ["name"] = bot.Name };
            from["role"] = "bot";
            copy["from"] = from;
            // Web Chat holds an activity whose replyToId it has not seen for up to 5 seconds, so only a reply to
            // an earlier activity of this conversation keeps it (proactive messages name a made-up activity).
            copy.Remove("replyToId");
            if (replyToId != null && RepliesToEarlier(conversationId, replyToId, id))
            {
                copy["replyToId"] = replyToId;
            }
            return copy;
        }, cancellationToken);
        return stored == null
            ? DirectLineHttp.Error(StatusCodes.Status404NotFound, "The conversation does not exist.")
            : Results.Json(new { id = stored.Value<string>("id") });
    }

    /// <summary>Whether <paramref name="replyToId"/> is the id of an activity stored before <paramref name="newId"/> in the conversation.</summary>
    internal static bool RepliesToEarlier(string conversationId, string replyToId, string newId) =>
        replyToId.Length == newId.Length
        && replyToId.StartsWith(conversationId + "|", StringComparison.Ordinal)
        && string.CompareOrdinal(replyToId, newId) < 0
        && replyToId.AsSpan(conversationId.Length + 1).IndexOfAnyExceptInRange('0', '9') < 0;

    private static async Task<IResult> GetMembersAsync(string conversationId, HttpContext http, DirectLineTokenService tokens,
        ConversationStore store, IOptions<BotOptions> botOptions, CancellationToken cancellationToken)
    {
        if (!await tokens.ValidateServiceHeaderAsync(http.Request.Headers.Authorization, DirectLineTokenService.BotAudience, cancellationToken))
        {
            return DirectLineHttp.Error(StatusCodes.Status401Unauthorized, "Only the bot may read this conversation's members.");
        }
        var record = await store.GetAsync(conversationId, cancellationToken);
        if (record == null)
        {
            return DirectLineHttp.Error(StatusCodes.Status404NotFound, "The conversation does not exist.");
        }
        var members = record.Members.Select(m => new { id = m.Id, name = m.Name, role = "user" }).ToList();
        members.Add(new { id = botOptions.Value.Id, name = (string?)botOptions.Value.Name, role = "bot" });
        return Results.Json(members);
    }
}
