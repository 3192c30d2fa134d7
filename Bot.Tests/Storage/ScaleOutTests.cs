using Microsoft.Extensions.DependencyInjection;
using ChatBot.Tests.DirectLine;
using ChatBot.Tests.Infrastructure;
using Newtonsoft.Json.Linq;

namespace ChatBot.Tests.Storage;

/// <summary>
/// Several instances, one store: two real bot hosts on two ports share one Azurite container. The visitor talks to
/// host A over Direct Line (as Web Chat does), the coach to host B on the coach console; relays go both ways, and a
/// request accepted at the same moment by a coach on each host has exactly one winner, every time. And a host
/// killed in the middle of a coach chat and started again, on SQLite and on Blob, loses nothing.
/// </summary>
public class ScaleOutTests
{
    private const string DaveKey = "test-dave-console-key-0123456789";

    private static Dictionary<string, string?> TwoSalesCoaches() => new()
    {
        ["Handoff:Coaches:2:Id"] = "dave",
        ["Handoff:Coaches:2:Name"] = "Dave",
        ["Handoff:Coaches:2:Team"] = "sales",
        ["Handoff:Coaches:2:ConsoleKey"] = DaveKey,
        ["Handoff:SweepIntervalSeconds"] = "1",
    };

    /// <summary>
    /// Two hosts behind one public address, as instances behind a load balancer are: DirectLine:ServiceUrl (where
    /// every instance tells the bot to send replies) is host A's, so a reply made on B reaches the shared store too.
    /// </summary>
    private static async Task<(BotTestHost A, BotTestHost B)> TwoHostsAsync()
    {
        var port = Azurite.FreePort();
        var settings = await StorageBackends.SettingsAsync("Blob", TwoSalesCoaches());
        settings["DirectLine:ServiceUrl"] = $"http://127.0.0.1:{port}/";
        var a = await BotTestHost.StartAsync(new Dictionary<string, string?>(settings) { ["Urls"] = $"http://127.0.0.1:{port}" });
        var b = await BotTestHost.StartAsync(settings);
        return (a, b);
    }

    private static Task<string> VisitorWaitsForAsync(DirectLineTestClient client, DirectLineTestClient.Grant visitor, Func<string, bool> predicate, string what) =>
        client.WaitForAsync(visitor, a => DirectLineTestClient.IsBotMessage(a) && a.Value<string>("text") is { } t && predicate(t), what)
            .ContinueWith(t => t.Result.Value<string>("text")!);

    [Fact]
    public async Task Visitor_on_one_host_and_coach_on_another_talk_both_ways()
    {
        var (a, b) = await TwoHostsAsync();
        await using var hostA = a;
        await using var hostB = b;
        using var dana = await ConsoleCoach.OpenAsync(b, ConsoleCoach.DanaKey, "Hi Dana");
        using var visitorClient = new DirectLineTestClient(a.BaseUrl);
        var visitor = await visitorClient.StartConversationAsync();

        await visitorClient.PostMessageAsync(visitor, "Can I talk to a person?");
        await VisitorWaitsForAsync(visitorClient, visitor, t => t.Contains("number 1 in line"), "the queue acknowledgement on host A");
        await dana.WaitForAsync(t => t.Contains("New sales request"), "the alert on host B");
        await dana.SayAsync("accept next");
        var history = await dana.WaitForAsync(t => t.StartsWith("Transcript of #"), "the transcript on host B");
        Assert.Contains("Can I talk to a person?", history);
        await VisitorWaitsForAsync(visitorClient, visitor, t => t.StartsWith("You're now chatting with Dana"), "connected, on host A");

        for (var i = 1; i <= 3; i++)
        {
            await visitorClient.PostMessageAsync(visitor, $"visitor line {i}");
            await dana.WaitForAsync(t => t.EndsWith($": visitor line {i}"), $"visitor line {i} at the coach on B");
            await dana.SayAsync($"coach line {i}");
            await VisitorWaitsForAsync(visitorClient, visitor, t => t == $"Dana: coach line {i}", $"coach line {i} at the visitor on A");
        }

        await dana.SayAsync("end resolved");
        await VisitorWaitsForAsync(visitorClient, visitor, t => t == ChatBot.Dialogs.Prospects.FeedbackDialog.Question, "the feedback question on A");
    }

    [Fact]
    public async Task A_request_accepted_at_once_on_both_hosts_has_exactly_one_winner_every_time()
    {
        var (a, b) = await TwoHostsAsync();
        await using var hostA = a;
        await using var hostB = b;
        using var dana = await ConsoleCoach.OpenAsync(a, ConsoleCoach.DanaKey, "Hi Dana");
        using var dave = await ConsoleCoach.OpenAsync(b, DaveKey, "Hi Dave");
        using var visitorClient = new DirectLineTestClient(a.BaseUrl);
        var wins = new Dictionary<string, int> { ["Dana"] = 0, ["Dave"] = 0 };

        for (var round = 1; round <= 8; round++)
        {
            var visitor = await visitorClient.StartConversationAsync();
            await visitorClient.PostMessageAsync(visitor, "I need a person please");
            var waiting = (JArray)(await dana.QueueAsync(ConsoleCoach.DanaKey))["waiting"]!;
            var ticket = waiting.Single().Value<int>("ticket");
            await dana.WaitForAsync(t => t.StartsWith($"New sales request #{ticket}"), "dana's alert");
            await dave.WaitForAsync(t => t.StartsWith($"New sales request #{ticket}"), "dave's alert");

            await Task.WhenAll(dana.SayAsync($"accept {ticket}"), dave.SayAsync($"accept {ticket}"));

            var outcomes = await Task.WhenAll(
                dana.WaitForAsync(t => t.StartsWith($"You're connected to Visitor #{ticket}") || t.Contains($"Request #{ticket} was already taken by"), "dana's answer"),
                dave.WaitForAsync(t => t.StartsWith($"You're connected to Visitor #{ticket}") || t.Contains($"Request #{ticket} was already taken by"), "dave's answer"));
            var danaWon = outcomes[0].StartsWith("You're connected");
            var daveWon = outcomes[1].StartsWith("You're connected");
            Assert.True(danaWon ^ daveWon, $"round {round}: dana '{outcomes[0]}', dave '{outcomes[1]}'");
            var winner = danaWon ? "Dana" : "Dave";
            Assert.EndsWith($"Request #{ticket} was already taken by {winner}.", danaWon ? outcomes[1] : outcomes[0]);
            await VisitorWaitsForAsync(visitorClient, visitor, t => t.StartsWith($"You're now chatting with {winner}"), "the visitor told who");
            wins[winner]++;

            await (danaWon ? dana : dave).SayAsync("Hi, how can I help?");
            await (danaWon ? dana : dave).SayAsync("end resolved");
            await VisitorWaitsForAsync(visitorClient, visitor, t => t == ChatBot.Dialogs.Prospects.FeedbackDialog.Question, "the end of round " + round);
        }
        Console.WriteLine($"Accept race over two hosts on Blob: Dana won {wins["Dana"]}, Dave won {wins["Dave"]} of 8");
    }

    [Theory]
    [InlineData("Sqlite")]
    [InlineData("Blob")]
    public async Task Killing_the_bot_process_in_the_middle_of_a_coach_chat_and_starting_it_again_loses_nothing(string kind)
    {
        var settings = await StorageBackends.SettingsAsync(kind, TwoSalesCoaches());
        var port = Azurite.FreePort();
        settings["Urls"] = $"http://127.0.0.1:{port}";
        var dataPath = Path.Combine(Path.GetTempPath(), "chatbot-tests", Guid.NewGuid().ToString("N"));
        using var visitorClient = new DirectLineTestClient($"http://127.0.0.1:{port}");
        DirectLineTestClient.Grant visitor, waitingVisitor, coachGrant;
        int waitingTicket;

        settings["Storage:Path"] = dataPath;
        // The bot in a process of its own, killed (SIGKILL) right after the last thing it acknowledged.
        var before = await BotProcess.StartAsync(port, settings);
        await using (before)
        {
            using var dana = await ConsoleCoach.OpenAsync(before.BaseUrl, ConsoleCoach.DanaKey, "Hi Dana");
            coachGrant = dana.Grant;
            visitor = await visitorClient.StartConversationAsync();
            await visitorClient.PostMessageAsync(visitor, "talk to a person");
            await dana.WaitForAsync(t => t.Contains("New sales request"), "the alert");
            await dana.SayAsync("accept next");
            await VisitorWaitsForAsync(visitorClient, visitor, t => t.StartsWith("You're now chatting with Dana"), "connected");
            await dana.SayAsync("before the restart");
            await VisitorWaitsForAsync(visitorClient, visitor, t => t == "Dana: before the restart", "the coach's message before");
            waitingVisitor = await visitorClient.StartConversationAsync();
            await visitorClient.PostMessageAsync(waitingVisitor, "I'd like a person too");
            await VisitorWaitsForAsync(visitorClient, waitingVisitor, t => t.Contains("in line"), "the second visitor queued");
            waitingTicket = ((JArray)(await dana.QueueAsync(ConsoleCoach.DanaKey))["waiting"]!).Single().Value<int>("ticket");
            await before.KillAsync();
        }

        // A new host on the same store and address: nothing of the old one in memory.
        await using var after = await BotTestHost.StartAsync(settings, dataPath);
        using var coachClient = new DirectLineTestClient(after.BaseUrl);
        var queue = await QueueAsync(after);
        Assert.Equal(waitingTicket, ((JArray)queue["waiting"]!).Single().Value<int>("ticket"));
        Assert.NotNull(queue["coach"]!.Value<int?>("activeTicket"));

        await visitorClient.PostMessageAsync(visitor, "still there?");
        await coachClient.WaitForAsync(coachGrant, a => a.Value<string>("text")?.EndsWith(": still there?") == true, "the visitor's message after the restart");
        await coachClient.PostMessageAsync(coachGrant, "yes, after the restart");
        await VisitorWaitsForAsync(visitorClient, visitor, t => t == "Dana: yes, after the restart", "the coach's message after the restart");
        var history = await visitorClient.GetAllAsync(visitor);
        Assert.Contains(history, x => x.Value<string>("text") == "Dana: before the restart");

        await coachClient.PostMessageAsync(coachGrant, "end resolved");
        await VisitorWaitsForAsync(visitorClient, visitor, t => t == ChatBot.Dialogs.Prospects.FeedbackDialog.Question, "the feedback question");
        await coachClient.PostMessageAsync(coachGrant, $"accept {waitingTicket}");
        await VisitorWaitsForAsync(visitorClient, waitingVisitor, t => t.StartsWith("You're now chatting with Dana"), "the waiting visitor connected after the restart");
        var transcript = await coachClient.WaitForAsync(coachGrant, a => a.Value<string>("text")?.StartsWith($"Transcript of #{waitingTicket}") == true, "the waiting visitor's transcript");
        Assert.Contains("I'd like a person too", transcript.Value<string>("text"));

        // The outcome events of both sides of the kill are in the log.
        var events = new List<ChatBot.Handoff.Events.OutcomeEvent>();
        await foreach (var e in after.Services.GetRequiredService<ChatBot.Handoff.Events.IEventLog>().ReadAsync(DateTimeOffset.UtcNow.AddHours(-1), DateTimeOffset.UtcNow.AddHours(1)))
        {
            events.Add(e);
        }
        Assert.Contains(events, e => e.Name == "handoff.accepted" && e.ConversationId == visitor.ConversationId);
        Assert.Contains(events, e => e.Name == "handoff.requested" && e.ConversationId == waitingVisitor.ConversationId);
        Assert.Contains(events, e => e.Name == "handoff.ended" && e.ConversationId == visitor.ConversationId);
    }

    private static async Task<JObject> QueueAsync(BotTestHost host)
    {
        using var http = host.CreateClient();
        using var request = new HttpRequestMessage(HttpMethod.Get, "api/coach/queue");
        request.Headers.Add("X-Coach-Key", ConsoleCoach.DanaKey);
        return JObject.Parse(await (await http.SendAsync(request)).Content.ReadAsStringAsync());
    }
}
