using ChatBot.Handoff.Storage;
using ChatBot.Storage;
using Microsoft.Bot.Builder;
using Microsoft.Bot.Schema;

namespace ChatBot.Tests.Handoff;

/// <summary>Order of bursts, relays after a restart or from another instance, and relays that fail.</summary>
public class RelayTests
{
    private static async Task<HandoffHarness> ConnectedAsync(IStorage? storage = null)
    {
        var h = new HandoffHarness(storage ?? new InMemoryStorage());
        await h.CoachHello("dana");
        await h.CoachHello("dave");
        await h.VisitorSays("v1", "talk to sales");
        await h.CoachSays("dana", "accept next");
        return h;
    }

    [Fact]
    public async Task A_burst_of_visitor_messages_reaches_the_coach_completely_and_in_order()
    {
        await using var h = await ConnectedAsync();
        var before = h.CoachSaw("dana").Count;

        // Started in order without waiting for each other, as concurrent requests of a fast typist would be.
        var turns = Enumerable.Range(1, 60).Select(i => h.VisitorSays("v1", $"message {i}")).ToList();
        await Task.WhenAll(turns);

        var relayed = h.CoachSaw("dana").Skip(before).ToList();
        Assert.Equal(Enumerable.Range(1, 60).Select(i => $"Visitor #1: message {i}"), relayed);
    }

    [Fact]
    public async Task A_burst_of_coach_messages_reaches_the_visitor_completely_and_in_order()
    {
        await using var h = await ConnectedAsync();
        var before = h.VisitorSaw("v1").Count;

        await Task.WhenAll(Enumerable.Range(1, 60).Select(i => h.CoachSays("dana", $"line {i}")).ToList());

        Assert.Equal(Enumerable.Range(1, 60).Select(i => $"Dana: line {i}"), h.VisitorSaw("v1").Skip(before));
    }

    [Fact]
    public async Task Relayed_messages_reply_to_nothing_so_Web_Chat_shows_them_at_once()
    {
        await using var h = await ConnectedAsync();
        await h.CoachSays("dana", "hello from Dana");
        await h.VisitorSays("v1", "hello from the visitor");
        await h.CoachSays("dana", "end resolved");

        // A proactive turn's activity id is made up; a replyToId naming it makes Web Chat hold the message for 5 s.
        var toVisitor = h.Adapter.SentTo("v1").Where(a => a.Type == ActivityTypes.Message).ToList();
        var toCoach = h.Adapter.SentTo(HandoffHarness.AgentConversation("dana")).Where(a => a.Type == ActivityTypes.Message).ToList();
        Assert.Contains(toVisitor, a => a.Text == "Dana: hello from Dana");
        Assert.Contains(toVisitor, a => a.Text == HandoffTestBot.Feedback);
        Assert.Contains(toCoach, a => a.Text == "Visitor #1: hello from the visitor");
        Assert.All(toVisitor.Where(a => a.Text!.StartsWith("Dana", StringComparison.Ordinal) || a.Text == HandoffTestBot.Feedback), a => Assert.Null(a.ReplyToId));
        Assert.All(toCoach.Where(a => a.Text!.StartsWith("Visitor #1:", StringComparison.Ordinal)), a => Assert.Null(a.ReplyToId));
    }

    [Fact]
    public async Task A_connected_chat_goes_on_after_a_restart_from_the_stored_conversation_references()
    {
        var folder = Path.Combine(Path.GetTempPath(), "chatbot-tests", Guid.NewGuid().ToString("N"));
        var file = Path.Combine(folder, "restart.db");
        var clock = new ManualClock(HandoffHarness.Monday10Utc);
        await using (var before = await ConnectedAsync(new SqliteStorage(file)))
        {
            await before.CoachSays("dana", "Before the restart");
            Assert.Equal("Dana: Before the restart", before.VisitorSaw("v1").Last());
        }

        // New process: new storage object on the same file, new adapter, new middleware, nothing in memory.
        await using var after = new HandoffHarness(new SqliteStorage(file), clock);
        await after.VisitorSays("v1", "still there?");
        await after.CoachSays("dana", "Yes, after the restart");

        Assert.Equal(["Visitor #1: still there?"], after.CoachSaw("dana"));
        Assert.Equal(["Dana: Yes, after the restart"], after.VisitorSaw("v1"));
        Assert.Equal("agent-dana", after.Adapter.SentTo("agent-dana")[0].Conversation.Id);
        Assert.Equal("http://channel.test/", after.Adapter.SentTo("v1")[0].ServiceUrl);

        await after.CoachSays("dana", "end resolved");
        Assert.Equal(HandoffTestBot.Feedback, after.VisitorSaw("v1").Last());
    }

    [Fact]
    public async Task Visitor_and_coach_on_different_instances_still_talk_to_each_other()
    {
        await using var a = new HandoffHarness(new InMemoryStorage());
        await using var b = a.OtherInstance();
        await b.CoachHello("dana");
        await a.VisitorSays("v1", "talk to sales");
        await b.CoachSays("dana", "accept next");
        await a.VisitorSays("v1", "from instance a");
        await b.CoachSays("dana", "from instance b");

        Assert.Equal("Visitor #1: from instance a", a.CoachSaw("dana").Last());
        Assert.Equal("Dana: from instance b", a.VisitorSaw("v1").Last());
        Assert.DoesNotContain(a.VisitorSaw("v1"), t => t.StartsWith("echo:"));
    }

    [Fact]
    public async Task When_the_coach_is_gone_the_visitor_is_told_and_the_request_goes_back_to_the_queue()
    {
        await using var h = await ConnectedAsync();
        h.Adapter.MakeGone("agent-dana");

        await h.VisitorSays("v1", "hello?");

        Assert.Equal("Sorry, we lost the connection to Dana. You're back in line as number 1; another coach will pick up from here.", h.VisitorSaw("v1").Last());
        var record = await h.Record("v1");
        Assert.Equal((HandoffState.Queued, (string?)null), (record!.State, record.CoachId));
        Assert.Contains((await h.Store.GetQueueAsync()).Entries, e => e.Ticket == record.Ticket);
        Assert.Null((await h.Store.GetAsync<CoachRecord>(HandoffStore.CoachKey("dana")))!.ActiveRecordKey);
        Assert.Contains(h.CoachSaw("dave"), t => t.Contains("back in the sales queue"));

        await h.CoachSays("dave", "accept next");
        Assert.Contains(h.CoachSaw("dave"), t => t.StartsWith("Transcript of #1") && t.Contains("hello?"));
        Assert.Equal("You're now chatting with Dave from our sales team.", h.VisitorSaw("v1").Last());
    }

    [Fact]
    public async Task When_the_visitor_is_gone_the_coach_is_told_and_the_request_goes_back_to_the_queue()
    {
        await using var h = await ConnectedAsync();
        h.Adapter.MakeGone("v1");

        await h.CoachSays("dana", "are you there?");

        Assert.Equal("Your message could not be delivered: the visitor's conversation is gone. Request #1 went back to the queue.", h.CoachSaw("dana").Last());
        Assert.Equal(HandoffState.Queued, (await h.Record("v1"))!.State);
        await h.CoachSays("dana", "hello");
        Assert.StartsWith("You're not in a chat.", h.CoachSaw("dana").Last());
    }
}
