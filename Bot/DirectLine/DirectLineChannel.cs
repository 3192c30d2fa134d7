using ChatBot.Options;
using Microsoft.Extensions.Options;
using Newtonsoft.Json.Linq;

namespace ChatBot.DirectLine;

/// <summary>
/// The local channel's behaviour between a Direct Line client and the bot: starting a conversation
/// (the bot hears conversationUpdate once, so its welcome is there at the first poll) and delivering a
/// user's activity (stored first, then sent to the bot, as Web Chat expects).
/// </summary>
public sealed class DirectLineChannel(
    ConversationStore store,
    DirectLineBotGateway gateway,
    LocalServiceUrls localUrls,
    IOptions<BotOptions> botOptions,
    ILogger<DirectLineChannel> logger)
{
    /// <summary>The channel id of every activity of the local channel, as Azure Bot Service's Direct Line has.</summary>
    public const string ChannelId = "directline";

    public async Task EnsureStartedAsync(HttpContext http, DirectLineToken token, CancellationToken cancellationToken)
    {
        if (!await store.TryMarkStartedAsync(token.ConversationId, cancellationToken))
        {
            return;
        }
        var user = User(token);
        var update = new JObject
        {
            ["type"] = "conversationUpdate",
            ["id"] = $"{token.ConversationId}|start",
            ["channelId"] = ChannelId,
            ["serviceUrl"] = localUrls.For(http),
            ["timestamp"] = DateTime.UtcNow.ToString("yyyy-MM-dd'T'HH:mm:ss.fff'Z'"),
            ["conversation"] = new JObject { ["id"] = token.ConversationId },
            ["from"] = user.DeepClone(),
            ["recipient"] = Bot(),
            ["membersAdded"] = new JArray(user),
        };
        await DeliverAsync(update);
    }

    /// <summary>Stores the user's activity, then runs the bot's turn for it. Null when the conversation is gone.</summary>
    public async Task<JObject?> PostFromUserAsync(HttpContext http, DirectLineToken token, JObject activity, CancellationToken cancellationToken)
    {
        var serviceUrl = localUrls.For(http);
        if (activity.Value<string>("type") == "typing")
        {
            // Typing is passed on to the bot but kept out of the transcript.
            if (await store.GetAsync(token.ConversationId, cancellationToken) == null)
            {
                return null;
            }
            var typing = Stamp(activity, token, $"{token.ConversationId}|typing-{Guid.NewGuid():N}",
                DateTime.UtcNow.ToString("yyyy-MM-dd'T'HH:mm:ss.fff'Z'"));
            typing["serviceUrl"] = serviceUrl;
            await DeliverAsync(typing);
            return typing;
        }

        var stored = await store.AppendAsync(token.ConversationId, (id, timestamp) => Stamp(activity, token, id, timestamp), cancellationToken);
        if (stored == null)
        {
            return null;
        }

        var toBot = (JObject)stored.DeepClone();
        toBot["serviceUrl"] = serviceUrl;
        await DeliverAsync(toBot);
        return stored;
    }

    /// <summary>The client's fields plus everything the server decides: id, time, conversation, sender (the token's user).</summary>
    private JObject Stamp(JObject activity, DirectLineToken token, string id, string timestamp)
    {
        var copy = (JObject)activity.DeepClone();
        copy["id"] = id;
        copy["timestamp"] = timestamp;
        copy["channelId"] = ChannelId;
        copy["conversation"] = new JObject { ["id"] = token.ConversationId };
        copy["from"] = User(token);
        copy["recipient"] = Bot();
        return copy;
    }

    /// <summary>
    /// Runs the bot's turn to the end even if the client hangs up meanwhile: the activity is already stored
    /// (or the conversation already marked started), so its turn must not be cut off half-way.
    /// </summary>
    private async Task DeliverAsync(JObject activity)
    {
        try
        {
            await gateway.SendAsync(activity, CancellationToken.None);
        }
        catch (Exception ex)
        {
            // The user's activity is stored and acknowledged; the bot's failure must not fail the client's post.
            logger.LogError(ex, "Could not deliver a Direct Line {Type} activity to the bot in conversation {ConversationId}",
                activity.Value<string>("type"), activity["conversation"]?.Value<string>("id"));
        }
    }

    private static JObject User(DirectLineToken token)
    {
        var user = new JObject { ["id"] = token.UserId, ["role"] = "user" };
        if (token.UserName != null)
        {
            user["name"] = token.UserName;
        }
        return user;
    }

    private JObject Bot() => new() { ["id"] = botOptions.Value.Id, ["name"] = botOptions.Value.Name, ["role"] = "bot" };
}
