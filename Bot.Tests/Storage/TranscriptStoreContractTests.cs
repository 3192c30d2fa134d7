using ChatBot.Tests.Infrastructure;
using ChatBot.Transcripts;
using Microsoft.Bot.Builder;
using Microsoft.Bot.Schema;

namespace ChatBot.Tests.Storage;

/// <summary>The SDK's <see cref="ITranscriptStore"/> contract and our visitor index, on Memory, SQLite and Blob (Azurite).</summary>
public abstract class TranscriptStoreContractTests
{
    private static readonly DateTimeOffset T0 = new(2026, 11, 30, 10, 0, 0, TimeSpan.Zero);

    protected abstract Task<ITranscriptStore> CreateAsync();

    private static Activity Message(string conversation, string id, int second, bool fromVisitor, string text, string channel = "directline", string visitor = "v1") => new()
    {
        Type = ActivityTypes.Message,
        Id = id,
        Text = text,
        ChannelId = channel,
        Timestamp = T0.AddSeconds(second),
        Conversation = new ConversationAccount(id: conversation),
        From = fromVisitor ? new ChannelAccount(visitor, "Visitor", RoleTypes.User) : new ChannelAccount("bot", "Bot", RoleTypes.Bot),
        Recipient = fromVisitor ? new ChannelAccount("bot", "Bot", RoleTypes.Bot) : new ChannelAccount(visitor, "Visitor"),
    };

    private static async Task<List<IActivity>> AllAsync(ITranscriptStore store, string channel, string conversation)
    {
        var all = new List<IActivity>();
        string? token = null;
        do
        {
            var page = await store.GetTranscriptActivitiesAsync(channel, conversation, token);
            all.AddRange(page.Items);
            token = page.ContinuationToken;
        }
        while (token != null);
        return all;
    }

    [Fact]
    public async Task Activities_read_back_in_time_order_with_their_fields()
    {
        var store = await CreateAsync();
        await store.LogActivityAsync(Message("c1", "2", 2, fromVisitor: false, "You said: hi"));
        await store.LogActivityAsync(Message("c1", "1", 1, fromVisitor: true, "hi ünï 😀"));
        await store.LogActivityAsync(Message("c2", "1", 1, fromVisitor: true, "other conversation"));

        var read = await AllAsync(await CreateAsync(), "directline", "c1");

        Assert.Equal(["hi ünï 😀", "You said: hi"], read.Select(a => a.AsMessageActivity().Text));
        Assert.Equal(RoleTypes.User, read[0].From.Role);
        Assert.Equal(T0.AddSeconds(1), read[0].Timestamp);
    }

    [Fact]
    public async Task The_same_activity_logged_twice_is_one_entry()
    {
        var store = await CreateAsync();
        await store.LogActivityAsync(Message("c1", "a|0000001", 1, fromVisitor: true, "once"));
        await store.LogActivityAsync(Message("c1", "a|0000001", 1, fromVisitor: true, "once"));

        Assert.Single(await AllAsync(store, "directline", "c1"));
    }

    [Fact]
    public async Task Long_transcripts_come_in_pages_and_from_a_start_date()
    {
        var store = await CreateAsync();
        await Task.WhenAll(Enumerable.Range(0, 130).Select(i => store.LogActivityAsync(Message("long", $"m{i:D3}", i, i % 2 == 0, $"line {i}"))));

        var first = await store.GetTranscriptActivitiesAsync("directline", "long");
        Assert.Equal(100, first.Items.Length);
        Assert.NotNull(first.ContinuationToken);
        Assert.Equal(Enumerable.Range(0, 130).Select(i => $"line {i}"), (await AllAsync(store, "directline", "long")).Select(a => a.AsMessageActivity().Text));
        var late = await store.GetTranscriptActivitiesAsync("directline", "long", startDate: T0.AddSeconds(125));
        Assert.Equal(5, late.Items.Length);
    }

    [Fact]
    public async Task Transcripts_are_listed_per_channel_and_deleted_per_conversation()
    {
        var store = await CreateAsync();
        await store.LogActivityAsync(Message("c/1", "1", 1, true, "a"));
        await store.LogActivityAsync(Message("c?2", "1", 1, true, "b"));
        await store.LogActivityAsync(Message("c3", "1", 1, true, "c", channel: "msteams"));

        var listed = await store.ListTranscriptsAsync("directline");
        Assert.Equal(["c/1", "c?2"], listed.Items.Select(t => t.Id).Order(StringComparer.Ordinal));

        await store.DeleteTranscriptAsync("directline", "c/1");
        Assert.Empty(await AllAsync(store, "directline", "c/1"));
        Assert.Single(await AllAsync(store, "directline", "c?2"));
        Assert.Single(await AllAsync(store, "msteams", "c3"));
    }

    [Fact]
    public async Task A_visitors_conversations_are_found_for_privacy_requests()
    {
        var store = await CreateAsync();
        await store.LogActivityAsync(Message("c1", "1", 1, true, "mine"));
        await store.LogActivityAsync(Message("c2", "1", 1, false, "to me"));
        await store.LogActivityAsync(Message("c3", "1", 1, true, "someone else", visitor: "v2"));
        var visitors = (IVisitorTranscripts)store;

        Assert.Equal([("directline", "c1"), ("directline", "c2")], (await visitors.ConversationsOfAsync("v1")).Order());
        Assert.Empty(await visitors.ConversationsOfAsync("nobody"));
    }
}

public sealed class InMemoryTranscriptStoreTests : TranscriptStoreContractTests
{
    private readonly InMemoryTranscriptStore _store = new();

    protected override Task<ITranscriptStore> CreateAsync() => Task.FromResult<ITranscriptStore>(_store);
}

public sealed class SqliteTranscriptStoreTests : TranscriptStoreContractTests
{
    private readonly string _file = Path.Combine(Path.GetTempPath(), "chatbot-tests", "transcripts-" + Guid.NewGuid().ToString("N"), "transcripts.db");

    protected override Task<ITranscriptStore> CreateAsync() => Task.FromResult<ITranscriptStore>(new SqliteTranscriptStore(_file));
}

public sealed class BlobTranscriptStoreTests : TranscriptStoreContractTests
{
    private Azure.Storage.Blobs.BlobContainerClient? _container;

    protected override async Task<ITranscriptStore> CreateAsync()
    {
        _container ??= await Azurite.NewContainerAsync();
        return new BlobTranscriptStore(_container);
    }
}
