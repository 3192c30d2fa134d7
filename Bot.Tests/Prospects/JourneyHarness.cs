using System.Collections.Concurrent;
using ChatBot.Bots;
using ChatBot.Dialogs.Faq;
using ChatBot.Dialogs.Prospects;
using ChatBot.Handoff.Events;
using ChatBot.Handoff.Requests;
using ChatBot.Options;
using ChatBot.Storage;
using ChatBot.Tests.Faq;
using ChatBot.Tests.Handoff;
using ChatBot.Tests.Infrastructure;
using Microsoft.Bot.Builder;
using Microsoft.Bot.Builder.Adapters;
using Microsoft.Bot.Connector;
using Microsoft.Bot.Schema;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using Newtonsoft.Json.Linq;

namespace ChatBot.Tests.Prospects;

/// <summary>
/// The real MainBot and prospect dialogs, wired by the host's own AddProspectJourney with the shipped
/// Bot/appsettings.json (Bot and Qualification sections) and the shipped knowledge base matched by the real
/// FaqRecognizer (MiniLM). The handoff is a recorder (the real one is tested in Bot.Tests/Handoff); events go to a
/// recording sink. Conversations of one harness share the storage, so a second conversation of the same user is a
/// returning visitor.
/// </summary>
public sealed class JourneyHarness : IAsyncDisposable
{
    public const string Channel = Channels.Directline;
    public const string User = "visitor-1";

    private readonly ServiceProvider _services;

    /// <param name="faq">Wraps the real recognizer (to count its matches, say).</param>
    public JourneyHarness(IDictionary<string, string?>? settings = null, Func<IFaqRecognizer, IFaqRecognizer>? faq = null)
    {
        var configuration = new ConfigurationBuilder()
            .AddJsonFile(Path.Combine(TestPaths.RepoRoot, "Bot", "appsettings.json"))
            .AddInMemoryCollection(settings ?? new Dictionary<string, string?>())
            .Build();
        var services = new ServiceCollection();
        services.AddLogging(b => b.SetMinimumLevel(LogLevel.Warning));
        services.AddSingleton<IStorage>(Storage);
        services.AddSingleton<ConversationState>();
        services.AddSingleton<UserState>();
        services.AddSingleton<TimeProvider>(Clock);
        services.AddSingleton<IOutcomeEventSink>(Events);
        services.AddSingleton<IHandoffRequester>(Handoff);
        services.AddOptions<BotOptions>().Bind(configuration.GetSection(BotOptions.Section));
        services.AddOptions<FaqOptions>();
        services.AddSingleton<IFaqRecognizer>(faq == null ? FaqTestSupport.Recognizer() : faq(FaqTestSupport.Recognizer()));
        services.AddProspectJourney(configuration);
        services.AddTransient<IBot, MainBot>();
        _services = services.BuildServiceProvider(new ServiceProviderOptions { ValidateOnBuild = true, ValidateScopes = true });
        // Fails here, like the host at start, when the shipped Qualification section is invalid.
        _ = _services.GetRequiredService<IOptions<QualificationOptions>>().Value;
    }

    public InMemoryStorage Storage { get; } = new();
    public ManualClock Clock { get; } = new(new DateTimeOffset(2026, 12, 1, 10, 0, 0, TimeSpan.Zero));
    public RecordingEventSink Events { get; } = new();
    public RecordingHandoffRequester Handoff { get; } = new();
    public QualificationOptions Qualification => _services.GetRequiredService<IOptions<QualificationOptions>>().Value;
    public IFaqRecognizer Faq => _services.GetRequiredService<IFaqRecognizer>();

    /// <summary>A new conversation of <paramref name="user"/> on the Direct Line channel (buttons render as suggested actions).</summary>
    public TestAdapter Conversation(string conversationId = "conversation-1", string user = User, string channelId = Channel)
    {
        var reference = TestAdapter.CreateConversation(conversationId, user, "chatbot");
        reference.ChannelId = channelId;
        return new TestAdapter(reference);
    }

    public TestFlow Flow(TestAdapter adapter) => new(adapter, (turn, ct) => _services.GetRequiredService<IBot>().OnTurnAsync(turn, ct));

    /// <summary>A flow on a new conversation that starts with the conversationUpdate a channel sends.</summary>
    public TestFlow Start(TestAdapter adapter) => Flow(adapter).Send(MembersAdded(adapter));

    public IReadOnlyList<OutcomeEvent> EventsOf(string conversationId) => Events.Events.Where(e => e.ConversationId == conversationId).ToList();

    public async Task<VisitorProfile?> StoredProfileAsync(string user = User, string channelId = Channel)
    {
        var key = $"{channelId}/users/{user}";
        var items = await Storage.ReadAsync(new[] { key });
        return items.TryGetValue(key, out var state) && state is IDictionary<string, object> values
            && values.TryGetValue("VisitorProfile", out var profile) ? profile as VisitorProfile : null;
    }

    public static Activity MembersAdded(TestAdapter adapter) => new()
    {
        Type = ActivityTypes.ConversationUpdate,
        MembersAdded = [adapter.Conversation.User, adapter.Conversation.Bot],
    };

    /// <summary>A message with the page's channelData.visitor.</summary>
    public static Activity WithVisitor(string text, string? type = null, string? name = null, string? email = null) => new()
    {
        Type = ActivityTypes.Message,
        Text = text,
        ChannelData = new JObject
        {
            ["clientActivityID"] = Guid.NewGuid().ToString("N"),
            ["visitor"] = new JObject { ["type"] = type, ["name"] = name, ["email"] = email },
        },
    };

    /// <summary>What the handoff raises when a coach ends the chat.</summary>
    public static Activity CoachEnded(string outcome = HandoffOutcomes.Resolved, bool coachHandled = true) => new()
    {
        Type = ActivityTypes.Event,
        Name = HandoffEnded.EventName,
        Value = new HandoffEnded { Outcome = outcome, CoachHandled = coachHandled, Team = "sales", CoachId = "dana", CoachName = "Dana" },
    };

    public ValueTask DisposeAsync() => _services.DisposeAsync();
}

/// <summary>Stands in for the handoff: records each request, says one line as the queue would, reports Queued.</summary>
public sealed class RecordingHandoffRequester : IHandoffRequester
{
    private readonly ConcurrentQueue<(string ConversationId, HandoffRequest Request)> _requests = new();

    public IReadOnlyList<(string ConversationId, HandoffRequest Request)> Requests => _requests.ToArray();

    public static string Queued(string team) => $"(queued for {team})";

    public async Task<HandoffRequestResult> RequestAsync(ITurnContext turnContext, HandoffRequest request, CancellationToken cancellationToken = default)
    {
        _requests.Enqueue((turnContext.Activity.Conversation.Id, request));
        await turnContext.SendActivityAsync(Queued(request.Team), cancellationToken: cancellationToken);
        return new HandoffRequestResult(HandoffRequestStatus.Queued, Position: 1);
    }
}

/// <summary>Assertions that read like the transcript.</summary>
public static class TranscriptAssertions
{
    /// <summary>The next reply is exactly <paramref name="text"/>, with exactly these buttons when any are given.</summary>
    public static TestFlow Bot(this TestFlow flow, string text, params string[] buttons) =>
        flow.AssertReply(activity =>
        {
            var message = activity.AsMessageActivity();
            Assert.NotNull(message);
            Assert.Equal(text, message.Text);
            if (buttons.Length > 0)
            {
                Assert.Equal(buttons, Buttons(message));
            }
        }, text);

    /// <summary>The next reply starts with <paramref name="prefix"/>.</summary>
    public static TestFlow BotStartsWith(this TestFlow flow, string prefix) =>
        flow.AssertReply(activity => Assert.StartsWith(prefix, activity.AsMessageActivity()?.Text ?? ""), prefix);

    public static TestFlow BotSaysAnything(this TestFlow flow) => flow.AssertReply(_ => { });

    /// <summary>Nothing more was said (no duplicated or stray message). Turns run to completion before this runs.</summary>
    public static TestFlow NothingMore(this TestFlow flow) => flow.AssertNoReply("nothing more", 50);

    public static IReadOnlyList<string> Buttons(IMessageActivity message) =>
        message.SuggestedActions?.Actions?.Select(a => a.Title).ToList() ?? [];
}
