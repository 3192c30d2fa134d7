using ChatBot.Handoff;
using ChatBot.Handoff.Events;
using ChatBot.Handoff.Storage;
using ChatBot.Handoff.Timeouts;
using Microsoft.Bot.Builder;
using Microsoft.Bot.Schema;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace ChatBot.Tests.Handoff;

/// <summary>
/// One bot instance for handoff tests: the real handoff services and middleware from AddHandoff, a test bot in
/// place of the dialogs, on a given storage, clock and channel. Several harnesses on one storage and channel are
/// several instances of the bot; a new harness on the same storage is the bot after a restart.
/// </summary>
public sealed class HandoffHarness : IAsyncDisposable
{
    public const string Channel = "directline";
    public static readonly DateTimeOffset Monday10Utc = new(2026, 11, 30, 10, 0, 0, TimeSpan.Zero);

    private readonly ServiceProvider _services;

    public HandoffHarness(IStorage storage, ManualClock? clock = null, IDictionary<string, string?>? settings = null,
        HandoffHarness? sameChannelAs = null, RecordingEventSink? events = null, string[]? salesCoaches = null, ITranscriptStore? transcripts = null)
    {
        Storage = storage;
        Transcripts = transcripts ?? sameChannelAs?.Transcripts ?? TranscriptsFor(storage);
        Clock = clock ?? new ManualClock(Monday10Utc);
        Events = events ?? new RecordingEventSink();
        var all = new Dictionary<string, string?>
        {
            ["Handoff:Teams:0:Name"] = "sales",
            ["Handoff:Teams:0:AcceptTimeoutSeconds"] = "60",
            ["Handoff:Teams:1:Name"] = "support",
            ["Handoff:Teams:1:AcceptTimeoutSeconds"] = "60",
            ["Handoff:Coaches:0:Id"] = "sam",
            ["Handoff:Coaches:0:Name"] = "Sam",
            ["Handoff:Coaches:0:Team"] = "support",
        };
        var i = 1;
        foreach (var id in salesCoaches ?? ["dana", "dave"])
        {
            all[$"Handoff:Coaches:{i}:Id"] = id;
            all[$"Handoff:Coaches:{i}:Name"] = char.ToUpperInvariant(id[0]) + id[1..];
            all[$"Handoff:Coaches:{i}:Team"] = "sales";
            i++;
        }
        foreach (var (key, value) in settings ?? new Dictionary<string, string?>())
        {
            all[key] = value;
        }
        var configuration = new ConfigurationBuilder().AddInMemoryCollection(all).Build();

        var services = new ServiceCollection();
        services.AddLogging(b => b.SetMinimumLevel(LogLevel.Warning));
        services.AddSingleton<IConfiguration>(configuration);
        services.AddSingleton(storage);
        services.AddSingleton(Transcripts);
        services.AddSingleton<TimeProvider>(Clock);
        services.AddSingleton<IOutcomeEventSink>(Events);
        services.AddHandoff(configuration, runSweeper: false);
        services.AddSingleton<HandoffTestBot>();
        services.AddSingleton<IBot>(sp => sp.GetRequiredService<HandoffTestBot>());
        _services = services.BuildServiceProvider(new ServiceProviderOptions { ValidateOnBuild = true });
        Adapter = new MultiConversationAdapter(_services.GetServices<IMiddleware>(), sameChannelAs?.Adapter);
    }

    public IStorage Storage { get; }
    /// <summary>The transcript store, shared like the storage: next to a SQLite file (so it survives a "restart"), else one per storage object.</summary>
    public ITranscriptStore Transcripts { get; }
    public ManualClock Clock { get; }
    public RecordingEventSink Events { get; }
    public MultiConversationAdapter Adapter { get; }
    public HandoffTestBot Bot => _services.GetRequiredService<HandoffTestBot>();
    public HandoffStore Store => _services.GetRequiredService<HandoffStore>();
    public T Get<T>() where T : notnull => _services.GetRequiredService<T>();

    /// <summary>Another instance of the bot on the same storage, clock, channel and event sink.</summary>
    public HandoffHarness OtherInstance(IDictionary<string, string?>? settings = null, string[]? salesCoaches = null) =>
        new(Storage, Clock, settings, sameChannelAs: this, events: Events, salesCoaches: salesCoaches);

    public static string AgentConversation(string coachId) => "agent-" + coachId;

    public Task VisitorSays(string conversationId, string text) => Send(VisitorActivity(conversationId, text));

    public static Activity VisitorActivity(string conversationId, string text, string type = ActivityTypes.Message) => new()
    {
        Type = type,
        Text = type == ActivityTypes.Message ? text : null,
        Id = Guid.NewGuid().ToString("N"),
        ChannelId = Channel,
        ServiceUrl = "http://channel.test/",
        From = new ChannelAccount("visitor-" + conversationId, "Visitor"),
        Recipient = new ChannelAccount("chatbot", "Larkspur Assistant", RoleTypes.Bot),
        Conversation = new ConversationAccount(id: conversationId),
    };

    public Task CoachSays(string coachId, string text) => Send(CoachActivity(coachId, text));

    public Task CoachHello(string coachId)
    {
        var hello = CoachActivity(coachId, "");
        hello.Type = ActivityTypes.Event;
        hello.Name = "coach.hello";
        hello.Text = null;
        return Send(hello);
    }

    public static Activity CoachActivity(string coachId, string text) => new()
    {
        Type = ActivityTypes.Message,
        Text = text,
        Id = Guid.NewGuid().ToString("N"),
        ChannelId = Channel,
        ServiceUrl = "http://channel.test/",
        From = new ChannelAccount("coach:" + coachId, coachId),
        Recipient = new ChannelAccount("chatbot", "Larkspur Assistant", RoleTypes.Bot),
        Conversation = new ConversationAccount(id: AgentConversation(coachId)),
    };

    public Task Send(Activity activity, bool authenticated = true) => Adapter.ProcessAsync(activity, Bot.OnTurnAsync, authenticated: authenticated);

    public IReadOnlyList<string> VisitorSaw(string conversationId) => Adapter.TextsTo(conversationId);

    public IReadOnlyList<string> CoachSaw(string coachId) => Adapter.TextsTo(AgentConversation(coachId));

    public Task<HandoffRecord?> Record(string conversationId) =>
        Store.GetAsync<HandoffRecord>(HandoffStore.RecordKey(Channel, conversationId));

    public Task<int> SweepAsync() => Get<HandoffSweeper>().SweepAsync(Adapter);

    public ValueTask DisposeAsync() => _services.DisposeAsync();

    private static readonly System.Runtime.CompilerServices.ConditionalWeakTable<IStorage, ITranscriptStore> SharedTranscripts = new();

    private static ITranscriptStore TranscriptsFor(IStorage storage) => storage is ChatBot.Storage.SqliteStorage sqlite
        ? new ChatBot.Transcripts.SqliteTranscriptStore(Path.Combine(Path.GetDirectoryName(sqlite.DatabaseFile)!, "transcripts.db"))
        : SharedTranscripts.GetValue(storage, _ => new ChatBot.Transcripts.InMemoryTranscriptStore());
}
