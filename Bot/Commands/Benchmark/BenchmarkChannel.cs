using System.Collections.Concurrent;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Newtonsoft.Json.Linq;

namespace ChatBot.Commands.Benchmark;

/// <summary>
/// The benchmark's own loopback channel: it plays Azure Bot Service's part and receives what the
/// bots post to their serviceUrl, noting when each reply arrived. A reply is matched to the turn it
/// answers by replyToId; a proactive message (a coach's relay) to the conversation a player awaits one in.
/// </summary>
public sealed class BenchmarkChannel : IAsyncDisposable
{
    private readonly WebApplication _app;
    private readonly ConcurrentDictionary<string, TurnWaiter> _byTurn = new();
    private readonly ConcurrentDictionary<string, TurnWaiter> _byConversation = new();
    private readonly ConcurrentDictionary<string, int> _repliesByTurn = new();
    private readonly ConcurrentDictionary<string, byte> _seenReplies = new();
    private long _duplicates;
    private long _unexpected;

    private BenchmarkChannel(WebApplication app) => _app = app;

    public string ServiceUrl { get; private set; } = "";
    public long Duplicates => Interlocked.Read(ref _duplicates);
    /// <summary>Messages no player waited for (late replies, a sweeper's notices).</summary>
    public long Unexpected => Interlocked.Read(ref _unexpected);

    public static async Task<BenchmarkChannel> StartAsync()
    {
        var builder = WebApplication.CreateSlimBuilder();
        builder.WebHost.UseUrls("http://127.0.0.1:0");
        builder.Logging.ClearProviders();
        var app = builder.Build();
        var channel = new BenchmarkChannel(app);
        app.MapPost("/v3/conversations/{conversationId}/activities/{replyToId?}", async (HttpContext context, string conversationId, string? replyToId) =>
        {
            using var reader = new StreamReader(context.Request.Body);
            var activity = JObject.Parse(await reader.ReadToEndAsync());
            channel.OnReceived(conversationId, replyToId ?? (string?)activity["replyToId"], activity);
            return Results.Json(new { id = Guid.NewGuid().ToString("N") });
        });
        await app.StartAsync();
        channel.ServiceUrl = app.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.First().TrimEnd('/') + "/";
        return channel;
    }

    /// <summary>Registers a turn before it is posted, so its reply can't arrive unseen.</summary>
    public TurnWaiter Expect(string turnId)
    {
        var waiter = new TurnWaiter(null);
        _byTurn[turnId] = waiter;
        return waiter;
    }

    /// <summary>Registers a proactive message expected in a conversation: the first whose text contains <paramref name="marker"/>.</summary>
    public TurnWaiter ExpectIn(string conversationId, string marker)
    {
        var waiter = new TurnWaiter(marker);
        _byConversation[conversationId] = waiter;
        return waiter;
    }

    public void Forget(string turnId) => _byTurn.TryRemove(turnId, out _);

    public void ForgetIn(string conversationId) => _byConversation.TryRemove(conversationId, out _);

    public int RepliesTo(string turnId) => _repliesByTurn.GetValueOrDefault(turnId);

    private void OnReceived(string conversationId, string? replyToId, JObject activity)
    {
        var type = (string?)activity["type"];
        // A duplicate: the same message twice in the same conversation for the same turn.
        if (type == "message" && !_seenReplies.TryAdd($"{conversationId}|{replyToId}|{(string?)activity["text"]}", 0))
        {
            Interlocked.Increment(ref _duplicates);
        }
        if (replyToId != null)
        {
            _repliesByTurn.AddOrUpdate(replyToId, 1, (_, n) => n + 1);
            if (_byTurn.TryGetValue(replyToId, out var waiter))
            {
                waiter.Received(activity);
                return;
            }
        }
        // Proactive messages (a coach's relay to a visitor) carry the id of an earlier turn, or none.
        if (_byConversation.TryGetValue(conversationId, out var proactive) && proactive.TryMatch(activity))
        {
            return;
        }
        if (Interlocked.Increment(ref _unexpected) <= 3)
        {
            UnexpectedSamples.Add($"{type} in {conversationId}: {((string?)activity["text"])?.Split('\n')[0]}");
        }
    }

    /// <summary>The first few unexpected messages, to say what they were.</summary>
    public ConcurrentBag<string> UnexpectedSamples { get; } = [];

    public async ValueTask DisposeAsync()
    {
        await _app.StopAsync();
        await _app.DisposeAsync();
    }
}

/// <summary>One awaited reply: completes when the first one reaches the channel, and keeps all of them.</summary>
public sealed class TurnWaiter(string? marker)
{
    private readonly TaskCompletionSource<DateTime> _first = new(TaskCreationOptions.RunContinuationsAsynchronously);
    private readonly List<JObject> _replies = [];

    public Task<DateTime> FirstReply => _first.Task;

    /// <summary>What arrived so far, in order.</summary>
    public List<JObject> Replies
    {
        get
        {
            lock (_replies)
            {
                return [.. _replies];
            }
        }
    }

    public void Received(JObject activity)
    {
        var now = DateTime.UtcNow;
        lock (_replies)
        {
            _replies.Add(activity);
        }
        _first.TrySetResult(now);
    }

    public bool TryMatch(JObject activity)
    {
        if (marker == null || (string?)activity["type"] != "message" || (string?)activity["text"] is not { } text || !text.Contains(marker, StringComparison.Ordinal))
        {
            return false;
        }
        Received(activity);
        return true;
    }
}
