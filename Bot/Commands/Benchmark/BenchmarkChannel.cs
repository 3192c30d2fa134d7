using System.Collections.Concurrent;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Newtonsoft.Json.Linq;

namespace ChatBot.Commands.Benchmark;

/// <summary>
/// The benchmark's own loopback channel: it plays Azure Bot Service's part and receives what the
/// bots post to their serviceUrl, noting when each reply arrived.
/// </summary>
public sealed class BenchmarkChannel : IAsyncDisposable
{
    private readonly WebApplication _app;
    private readonly ConcurrentDictionary<string, TurnWaiter> _waiters = new();
    private readonly ConcurrentDictionary<string, int> _repliesByTurn = new();
    private readonly ConcurrentDictionary<string, byte> _seenReplies = new();
    private long _duplicates;
    private long _unexpected;

    private BenchmarkChannel(WebApplication app) => _app = app;

    public string ServiceUrl { get; private set; } = "";
    public long Duplicates => Interlocked.Read(ref _duplicates);
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
    public TurnWaiter Expect(string turnId, string conversationId, Func<JObject, bool>? isRelayTarget = null)
    {
        var waiter = new TurnWaiter(conversationId, isRelayTarget);
        _waiters[turnId] = waiter;
        return waiter;
    }

    public void Forget(string turnId) => _waiters.TryRemove(turnId, out _);

    public int RepliesTo(string turnId) => _repliesByTurn.GetValueOrDefault(turnId);

    private void OnReceived(string conversationId, string? replyToId, JObject activity)
    {
        // A reply is a duplicate if the same text arrives twice for the same turn.
        var identity = $"{conversationId}|{replyToId}|{(string?)activity["type"]}|{(string?)activity["text"]}";
        if (!_seenReplies.TryAdd(identity, 0) && (string?)activity["type"] == "message")
        {
            Interlocked.Increment(ref _duplicates);
        }
        if (replyToId != null && _waiters.TryGetValue(replyToId, out var waiter))
        {
            _repliesByTurn.AddOrUpdate(replyToId, 1, (_, n) => n + 1);
            waiter.Received(activity);
            return;
        }
        // Proactive messages (a coach's relay to a visitor, a visitor's to a coach) carry no replyToId.
        foreach (var candidate in _waiters.Values)
        {
            if (candidate.TryMatchProactive(conversationId, activity))
            {
                return;
            }
        }
        Interlocked.Increment(ref _unexpected);
    }

    public async ValueTask DisposeAsync()
    {
        await _app.StopAsync();
        await _app.DisposeAsync();
    }
}

/// <summary>One posted turn: completes when its first reply (or the awaited relay) reaches the channel.</summary>
public sealed class TurnWaiter(string conversationId, Func<JObject, bool>? isRelayTarget)
{
    private readonly TaskCompletionSource<DateTime> _first = new(TaskCreationOptions.RunContinuationsAsynchronously);

    public Task<DateTime> FirstReply => _first.Task;

    public void Received(JObject activity) => _first.TrySetResult(DateTime.UtcNow);

    public bool TryMatchProactive(string conversation, JObject activity)
    {
        if (isRelayTarget != null && conversation != conversationId && isRelayTarget(activity))
        {
            return _first.TrySetResult(DateTime.UtcNow);
        }
        return false;
    }
}
