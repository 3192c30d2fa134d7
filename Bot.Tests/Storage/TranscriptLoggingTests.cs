using ChatBot.Tests.DirectLine;
using ChatBot.Tests.Infrastructure;
using ChatBot.Transcripts;
using Microsoft.Bot.Builder;
using Microsoft.Bot.Schema;
using Microsoft.Extensions.DependencyInjection;

using Newtonsoft.Json.Linq;

namespace ChatBot.Tests.Storage;

/// <summary>
/// The SDK's TranscriptLoggerMiddleware on the real host: a visitor's transcript holds what the visitor said and saw
/// (the coach's relayed messages included, once each), coaches' console traffic is in no transcript, and a slow or
/// failing transcript store neither slows nor breaks a turn.
/// </summary>
public class TranscriptLoggingTests
{
    /// <summary>A store that can be made to hang or fail.</summary>
    private sealed class ControlledStore(ITranscriptStore inner) : ITranscriptStore
    {
        public TaskCompletionSource Gate { get; set; } = CompletedGate();
        public bool Fail { get; set; }

        public static TaskCompletionSource CompletedGate()
        {
            var gate = new TaskCompletionSource();
            gate.SetResult();
            return gate;
        }

        public async Task LogActivityAsync(IActivity activity)
        {
            await Gate.Task;
            if (Fail)
            {
                throw new IOException("Simulated transcript store failure");
            }
            await inner.LogActivityAsync(activity);
        }

        public Task<PagedResult<IActivity>> GetTranscriptActivitiesAsync(string channelId, string conversationId, string? continuationToken = null, DateTimeOffset startDate = default) =>
            inner.GetTranscriptActivitiesAsync(channelId, conversationId, continuationToken, startDate);

        public Task<PagedResult<TranscriptInfo>> ListTranscriptsAsync(string channelId, string? continuationToken = null) => inner.ListTranscriptsAsync(channelId, continuationToken);

        public Task DeleteTranscriptAsync(string channelId, string conversationId) => inner.DeleteTranscriptAsync(channelId, conversationId);
    }

    private static async Task<BotTestHost> StartAsync(ControlledStore? controlled = null) =>
        await BotTestHost.StartAsync(new Dictionary<string, string?> { ["Storage:Kind"] = "Memory" }, services: s =>
        {
            if (controlled != null)
            {
                s.AddSingleton<ITranscriptStore>(controlled);
            }
        });

    private static async Task<List<IActivity>> TranscriptAsync(BotTestHost host, string conversationId)
    {
        await host.Services.GetRequiredService<BackgroundTranscriptLogger>().FlushAsync();
        var store = host.Services.GetRequiredService<ITranscriptStore>();
        var all = new List<IActivity>();
        string? token = null;
        do
        {
            var page = await store.GetTranscriptActivitiesAsync("directline", conversationId, token);
            all.AddRange(page.Items);
            token = page.ContinuationToken;
        }
        while (token != null);
        return all;
    }

    private static string?[] Texts(IEnumerable<IActivity> activities) =>
        activities.Where(a => a.Type == ActivityTypes.Message).Select(a => a.AsMessageActivity().Text).ToArray();

    [Fact]
    public async Task A_visitors_transcript_is_what_they_said_and_saw_and_coach_traffic_is_in_none()
    {
        await using var host = await StartAsync();
        using var dana = await ConsoleCoach.OpenAsync(host, ConsoleCoach.DanaKey, "Hi Dana");
        using var client = new DirectLineTestClient(host.BaseUrl);
        var visitor = await client.StartConversationAsync();
        await client.PostMessageAsync(visitor, "Can I talk to a person?");
        await dana.WaitForAsync(t => t.Contains("New sales request"), "the alert");
        await dana.SayAsync("accept next");
        await client.WaitForAsync(visitor, a => a.Value<string>("text")?.StartsWith("You're now chatting") == true, "connected");
        await client.PostMessageAsync(visitor, "hello coach");
        await dana.WaitForAsync(t => t.EndsWith(": hello coach"), "the relay to the coach");
        await dana.SayAsync("hello visitor");
        await client.WaitForAsync(visitor, a => a.Value<string>("text") == "Dana: hello visitor", "the relay to the visitor");
        await dana.SayAsync("note wants pricing");

        var transcript = await TranscriptAsync(host, visitor.ConversationId);
        var texts = Texts(transcript);
        // What the visitor's Direct Line conversation holds is exactly what the transcript holds, once each.
        var seen = (await client.GetAllAsync(visitor)).Where(a => a.Value<string>("type") == "message").Select(a => a.Value<string>("text")).ToArray();
        Assert.Equal(seen, texts);
        Assert.Equal(texts.Length, texts.Distinct().Count());
        Assert.Contains("Dana: hello visitor", texts);
        Assert.Equal("Dana", ((Activity)transcript.Single(a => a.AsMessageActivity()?.Text == "Dana: hello visitor")).Properties["chatbotCoach"]!.ToString());
        Assert.DoesNotContain(transcript, a => a.Type == ActivityTypes.Event);

        // The coach's console conversation (commands, alert, the note) is in no transcript.
        Assert.Empty(await TranscriptAsync(host, dana.Grant.ConversationId));
        var listed = await host.Services.GetRequiredService<ITranscriptStore>().ListTranscriptsAsync("directline");
        Assert.Equal([visitor.ConversationId], listed.Items.Select(t => t.Id));
    }

    [Fact]
    public async Task A_hanging_transcript_store_does_not_slow_a_turn_and_a_failing_one_does_not_break_it()
    {
        var controlled = new ControlledStore(new InMemoryTranscriptStore()) { Gate = new TaskCompletionSource() };
        await using var host = await StartAsync(controlled);
        using var client = new DirectLineTestClient(host.BaseUrl);
        var visitor = await client.StartConversationAsync();

        // The store hangs: the reply still comes.
        Task<JObject> ReplyTo(string id, string what) =>
            client.WaitForAsync(visitor, a => DirectLineTestClient.IsBotMessage(a) && a.Value<string>("replyToId") == id, what);
        await ReplyTo(await client.PostMessageAsync(visitor, "How do I add a user to my portal?"), "the reply while the store hangs");
        Assert.Empty(Texts((await controlled.GetTranscriptActivitiesAsync("directline", visitor.ConversationId)).Items));

        // It fails: the reply still comes, and what was queued is written once the store is back.
        controlled.Fail = true;
        controlled.Gate.SetResult();
        await ReplyTo(await client.PostMessageAsync(visitor, "Is there a free plan?"), "the reply while the store fails");
        await host.Services.GetRequiredService<BackgroundTranscriptLogger>().FlushAsync();
        controlled.Fail = false;
        var third = await ReplyTo(await client.PostMessageAsync(visitor, "Can I import contacts from a spreadsheet?"), "the reply once the store is back");

        Assert.Contains(third.Value<string>("text"), Texts(await TranscriptAsync(host, visitor.ConversationId)));
    }
}

/// <summary>The background logger with the SQLite store, no host: batches, and one bad activity among good ones.</summary>
public sealed class BackgroundTranscriptLoggerTests : IDisposable
{
    private readonly string _folder = Directory.CreateTempSubdirectory("transcripts-").FullName;

    public void Dispose()
    {
        Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
        Directory.Delete(_folder, recursive: true);
    }

    private static Activity Message(string conversationId, string id, string text) => new()
    {
        Type = ActivityTypes.Message, Id = id, ChannelId = "directline", Text = text,
        Conversation = new ConversationAccount(id: conversationId), From = new ChannelAccount("visitor-1"), Timestamp = DateTimeOffset.UtcNow,
    };

    [Fact]
    public async Task An_activity_without_a_channel_is_skipped_and_the_ones_queued_with_it_are_written()
    {
        var store = new SqliteTranscriptStore(Path.Combine(_folder, "transcripts.db"));
        var logger = new BackgroundTranscriptLogger(store, Microsoft.Extensions.Logging.Abstractions.NullLogger<BackgroundTranscriptLogger>.Instance);
        await logger.StartAsync(CancellationToken.None);

        await logger.LogActivityAsync(Message("conv-a", "1", "first"));
        await logger.LogActivityAsync(new Activity { Type = ActivityTypes.Message, Id = "bad", Text = "no channel", Conversation = new ConversationAccount(id: "conv-a") });
        await logger.LogActivityAsync(Message("conv-a", "2", "second"));
        await logger.FlushAsync();
        await logger.StopAsync(CancellationToken.None);

        var page = await store.GetTranscriptActivitiesAsync("directline", "conv-a");
        Assert.Equal(["first", "second"], page.Items.Select(a => a.AsMessageActivity().Text));
    }
}
