using System.Text;
using Newtonsoft.Json;
using Newtonsoft.Json.Linq;

namespace ChatBot.Commands.Benchmark;

/// <summary>How one turn went: which figure it counts in, whether its reply came, and how long it took from when it was due.</summary>
public readonly record struct TurnOutcome(string Series, bool Answered, double LatencyMs, int Duplicates = 0);

/// <summary>One simulated conversation (or a visitor and a coach): plays its turns one at a time.</summary>
public abstract class Player
{
    /// <summary>How long a player waits for a reply before counting it lost.</summary>
    public static readonly TimeSpan ReplyTimeout = TimeSpan.FromSeconds(10);

    /// <summary>Plays the next turn, which was due at <paramref name="due"/> (its latency counts from then).</summary>
    public abstract Task<TurnOutcome> PlayTurnAsync(DateTime due);
}

/// <summary>What every player shares: the bot under test, the loopback channel and the HTTP client.</summary>
public sealed record BenchContext(BenchmarkChannel Channel, HttpClient Http, BotProcess Bot);

/// <summary>A visitor on /api/messages (channel "webchat", serviceUrl = the benchmark channel) following a script.</summary>
public sealed class VisitorPlayer(BenchContext context, Mix mix, string prefix, int slot) : Player
{
    private readonly VisitorScript _script = mix.NewScript(slot);
    private List<JObject> _lastReplies = [];
    private int _conversation;

    public string ConversationId { get; private set; } = $"{prefix}-{slot}-0";

    public override async Task<TurnOutcome> PlayTurnAsync(DateTime due)
    {
        var step = _script.Next(_lastReplies);
        if (step.NewConversation)
        {
            ConversationId = $"{prefix}-{slot}-{++_conversation}";
        }
        var (answered, latency, replies) = await PostAsync(context, ConversationId, "visitor-" + ConversationId, step.Text, mix.VisitorType, due);
        _lastReplies = replies;
        return new TurnOutcome(mix.Name, answered, latency);
    }

    /// <summary>Posts one visitor message and waits for its first reply at the channel; the POST itself returns when the turn is over.</summary>
    public static async Task<(bool Answered, double LatencyMs, List<JObject> Replies)> PostAsync(
        BenchContext context, string conversationId, string userId, string text, string? visitorType, DateTime due, bool expectReply = true)
    {
        var turnId = Guid.NewGuid().ToString("N");
        var waiter = context.Channel.Expect(turnId);
        try
        {
            using (var response = await context.Http.PostAsync(context.Bot.BaseUrl + "/api/messages", Body(context, turnId, conversationId, userId, text, visitorType)))
            {
                response.EnsureSuccessStatusCode();
            }
            if (!expectReply)
            {
                return (true, (DateTime.UtcNow - due).TotalMilliseconds, waiter.Replies);
            }
            var replied = await Task.WhenAny(waiter.FirstReply, Task.Delay(ReplyTimeout)) == waiter.FirstReply;
            return (replied, replied ? (waiter.FirstReply.Result - due).TotalMilliseconds : double.NaN, waiter.Replies);
        }
        finally
        {
            context.Channel.Forget(turnId);
        }
    }

    private static StringContent Body(BenchContext context, string turnId, string conversationId, string userId, string text, string? visitorType)
    {
        var activity = new JObject
        {
            ["type"] = "message",
            ["id"] = turnId,
            ["text"] = text,
            ["channelId"] = "webchat",
            ["serviceUrl"] = context.Channel.ServiceUrl,
            ["timestamp"] = DateTimeOffset.UtcNow,
            ["from"] = new JObject { ["id"] = userId, ["name"] = "Visitor", ["role"] = "user" },
            ["recipient"] = new JObject { ["id"] = "chatbot", ["name"] = "Bot", ["role"] = "bot" },
            ["conversation"] = new JObject { ["id"] = conversationId },
        };
        if (visitorType != null)
        {
            activity["channelData"] = new JObject { ["visitor"] = new JObject { ["type"] = visitorType } };
        }
        return new StringContent(activity.ToString(Formatting.None), Encoding.UTF8, "application/json");
    }
}
