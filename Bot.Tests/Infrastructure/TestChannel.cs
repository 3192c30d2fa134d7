using System.Collections.Concurrent;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.AspNetCore.Http;
using Microsoft.Bot.Schema;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Newtonsoft.Json;

namespace ChatBot.Tests.Infrastructure;

/// <summary>
/// A stand-in for Azure Bot Service on loopback: it receives what the bot's Connector client posts to
/// its serviceUrl (/v3/conversations/{id}/activities[/{replyToId}]) and lets tests wait for it.
/// </summary>
public sealed class TestChannel : IAsyncDisposable
{
    private readonly WebApplication _app;
    private readonly ConcurrentQueue<Received> _received = new();
    private readonly SemaphoreSlim _signal = new(0);

    private TestChannel(WebApplication app) => _app = app;

    public string ServiceUrl { get; private set; } = "";
    public IReadOnlyCollection<Received> All => _received.ToArray();

    public sealed record Received(string ConversationId, string? ReplyToId, Activity Activity, string? Authorization);

    public static async Task<TestChannel> StartAsync()
    {
        var builder = WebApplication.CreateSlimBuilder();
        builder.WebHost.UseUrls("http://127.0.0.1:0");
        builder.Logging.ClearProviders();
        var app = builder.Build();
        var channel = new TestChannel(app);
        app.MapPost("/v3/conversations/{conversationId}/activities/{replyToId?}", async (HttpContext context, string conversationId, string? replyToId) =>
        {
            using var reader = new StreamReader(context.Request.Body);
            var activity = JsonConvert.DeserializeObject<Activity>(await reader.ReadToEndAsync())!;
            channel._received.Enqueue(new Received(conversationId, replyToId, activity, context.Request.Headers.Authorization.FirstOrDefault()));
            channel._signal.Release();
            return Results.Json(new { id = Guid.NewGuid().ToString("N") });
        });
        await app.StartAsync();
        channel.ServiceUrl = app.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.First().TrimEnd('/') + "/";
        return channel;
    }

    /// <summary>Waits until at least <paramref name="count"/> activities arrived for the conversation.</summary>
    public async Task<IReadOnlyList<Received>> WaitForAsync(string conversationId, int count, TimeSpan? timeout = null)
    {
        var deadline = DateTime.UtcNow + (timeout ?? TimeSpan.FromSeconds(15));
        while (true)
        {
            var mine = _received.Where(r => r.ConversationId == conversationId).ToList();
            if (mine.Count >= count)
            {
                return mine;
            }
            var left = deadline - DateTime.UtcNow;
            if (left <= TimeSpan.Zero)
            {
                throw new TimeoutException($"Expected {count} activities for {conversationId}, got {mine.Count}: " +
                    string.Join(" | ", mine.Select(m => m.Activity.Text)));
            }
            await _signal.WaitAsync(left < TimeSpan.FromMilliseconds(200) ? left : TimeSpan.FromMilliseconds(200));
        }
    }

    /// <summary>An inbound activity as a channel would post it to the bot's /api/messages.</summary>
    public Activity Message(string conversationId, string text, string userId = "user-1") => new()
    {
        Type = ActivityTypes.Message,
        Id = Guid.NewGuid().ToString("N"),
        Text = text,
        ChannelId = "test",
        ServiceUrl = ServiceUrl,
        From = new ChannelAccount(userId, "Visitor", "user"),
        Recipient = new ChannelAccount("chatbot", "Bot", "bot"),
        Conversation = new ConversationAccount(id: conversationId),
        Timestamp = DateTimeOffset.UtcNow,
    };

    public Activity ConversationStarted(string conversationId, string userId = "user-1") => new()
    {
        Type = ActivityTypes.ConversationUpdate,
        Id = Guid.NewGuid().ToString("N"),
        ChannelId = "test",
        ServiceUrl = ServiceUrl,
        From = new ChannelAccount(userId, "Visitor", "user"),
        Recipient = new ChannelAccount("chatbot", "Bot", "bot"),
        Conversation = new ConversationAccount(id: conversationId),
        MembersAdded = [new ChannelAccount(userId, "Visitor", "user"), new ChannelAccount("chatbot", "Bot", "bot")],
    };

    public async ValueTask DisposeAsync()
    {
        await _app.StopAsync();
        await _app.DisposeAsync();
    }
}

public static class BotHttp
{
    /// <summary>Posts an activity to the bot's /api/messages as a channel would.</summary>
    public static Task<HttpResponseMessage> PostActivityAsync(this HttpClient client, Activity activity) =>
        client.PostAsync("api/messages", new StringContent(JsonConvert.SerializeObject(activity), System.Text.Encoding.UTF8, "application/json"));
}
