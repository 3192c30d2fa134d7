using ChatBot.Handoff.Coaches;
using ChatBot.Handoff;
using ChatBot.Handoff.Events;
using ChatBot.Handoff.Requests;
using ChatBot.Handoff.Storage;
using ChatBot.Storage;
using Microsoft.Bot.Schema;

namespace ChatBot.Tests.Handoff;

/// <summary>Every state of a visitor conversation and the way between them, on the real middleware.</summary>
public class HandoffFlowTests
{
    private static async Task<HandoffHarness> StartAsync(params string[] coachesOnline)
    {
        var harness = new HandoffHarness(new InMemoryStorage());
        foreach (var coach in coachesOnline)
        {
            await harness.CoachHello(coach);
        }
        return harness;
    }

    [Fact]
    public async Task Without_a_handoff_the_bot_owns_the_conversation()
    {
        await using var h = await StartAsync("dana");
        await h.VisitorSays("v1", "hello");
        Assert.Equal(["echo: hello"], h.VisitorSaw("v1"));
        Assert.Null(await h.Record("v1"));
    }

    [Fact]
    public async Task A_request_is_queued_acknowledged_and_alerts_the_available_coaches_of_the_team_only()
    {
        await using var h = await StartAsync("dana", "dave", "sam");
        await h.CoachSays("dave", "away");

        await h.VisitorSays("v1", "talk to sales");

        var ack = Assert.Single(h.VisitorSaw("v1"));
        Assert.Contains("number 1 in line", ack);
        Assert.Contains("never mind", ack);
        Assert.Equal(HandoffRequestStatus.Queued, Assert.Single(h.Bot.Results).Status);
        var record = await h.Record("v1");
        Assert.Equal(HandoffState.Queued, record!.State);

        var alert = h.Adapter.SentTo(HandoffHarness.AgentConversation("dana")).Last();
        var card = Assert.IsType<HeroCard>(Newtonsoft.Json.Linq.JObject.FromObject(alert.Attachments[0].Content).ToObject<HeroCard>());
        Assert.Equal($"accept {record.Ticket}", card.Buttons[0].Value);
        Assert.Contains("prospect", card.Text);
        Assert.Contains("50 seats", card.Text);
        Assert.DoesNotContain(h.CoachSaw("dave"), t => t.Contains("New sales request"));
        Assert.DoesNotContain(h.CoachSaw("sam"), t => t.Contains("New sales request"));

        Assert.Single(h.Events.Named(OutcomeEventNames.HandoffRequested));
        Assert.Equal("sales", Assert.Single(h.Events.Named(OutcomeEventNames.HandoffQueued)).Team);
        Assert.Equal("dana", Assert.Single(h.Events.Named(OutcomeEventNames.HandoffAlerted)).CoachId);
    }

    [Fact]
    public async Task While_queued_messages_are_kept_for_the_coach_acknowledged_and_never_reach_the_bot()
    {
        await using var h = await StartAsync("dana");
        await h.VisitorSays("v1", "talk to sales");
        await h.VisitorSays("v2", "talk to sales");
        await h.VisitorSays("v2", "are you there?");

        Assert.Contains("number 2 in line", h.VisitorSaw("v2")[0]);
        Assert.Equal("Thanks, the coach will see that. You are number 2 in line.", h.VisitorSaw("v2")[1]);
        Assert.DoesNotContain(h.VisitorSaw("v2"), t => t.StartsWith("echo:"));

        await h.CoachSays("dana", "accept 2");
        var transcript = h.CoachSaw("dana").Single(t => t.StartsWith("Transcript of #2"));
        Assert.Contains("Visitor #2: talk to sales", transcript);
        Assert.Contains("Bot: I'm getting you a person", transcript);
        Assert.Contains("Visitor #2: are you there?", transcript);
    }

    [Fact]
    public async Task Every_message_the_handoff_sends_in_its_own_turns_is_timestamped_before_it_is_sent()
    {
        // The transcript orders by timestamp: stamped only after the send returned (as the SDK's transcript logger
        // does), "You're now chatting" could come after the visitor's reply to it.
        await using var h = await StartAsync("dana");
        await h.VisitorSays("v1", "talk to sales");
        await h.CoachSays("dana", "accept next");
        await h.CoachSays("dana", "Hi, I'm Dana");
        await h.VisitorSays("v1", "hello Dana");

        var sent = h.Adapter.SentTo("v1").Concat(h.Adapter.SentTo(HandoffHarness.AgentConversation("dana"))).Where(a => a.Type == ActivityTypes.Message).ToList();
        Assert.Contains(sent, a => a.Text == "You're now chatting with Dana from our sales team.");
        Assert.Contains(sent, a => a.Text == "Dana: Hi, I'm Dana");
        Assert.All(sent, a => Assert.True(a.Timestamp != null, $"'{a.Text}' was sent without a timestamp"));
    }

    [Fact]
    public async Task A_coach_who_takes_another_teams_request_is_introduced_with_their_own_team()
    {
        await using var h = await StartAsync("dana", "sam");
        await h.VisitorSays("v1", "talk to support");
        Assert.Equal("support", (await h.Record("v1"))!.Team);

        await h.CoachSays("dana", "accept 1");

        Assert.Equal("You're now chatting with Dana from our sales team.", h.VisitorSaw("v1").Last());
    }

    [Fact]
    public async Task A_coach_whose_console_was_closed_gets_no_requests_until_it_is_open_again()
    {
        await using var h = await StartAsync("dana");
        var presence = h.Get<CoachPresence>();
        await presence.SeenAsync("dana", default);
        h.Clock.Advance(TimeSpan.FromSeconds(121)); // past Handoff:ConsolePresenceSeconds (120) without a queue refresh

        await h.VisitorSays("v1", "talk to sales");
        Assert.DoesNotContain(h.CoachSaw("dana"), t => t.StartsWith("New sales request"));
        Assert.StartsWith("I'm sorry: nobody from our sales team is available right now.", h.VisitorSaw("v1").Last());

        await presence.SeenAsync("dana", default);
        await h.VisitorSays("v2", "talk to sales");
        Assert.Contains(h.CoachSaw("dana"), t => t.StartsWith("New sales request #1"));
    }

    [Fact]
    public async Task A_chat_whose_coach_closed_the_console_goes_back_to_the_queue_and_the_visitor_is_told()
    {
        await using var h = await StartAsync("dana", "dave");
        var presence = h.Get<CoachPresence>();
        await presence.SeenAsync("dana", default);
        await presence.SeenAsync("dave", default);
        await h.VisitorSays("v1", "talk to sales");
        await h.CoachSays("dana", "accept 1");
        h.Clock.Advance(TimeSpan.FromSeconds(60));
        await presence.SeenAsync("dave", default); // Dave's console stays open, Dana's was closed
        await h.SweepAsync();
        Assert.Equal(HandoffState.Connected, (await h.Record("v1"))!.State);

        h.Clock.Advance(TimeSpan.FromSeconds(61));
        await h.SweepAsync();

        Assert.Equal(HandoffState.Queued, (await h.Record("v1"))!.State);
        Assert.Equal("Sorry, we lost the connection to Dana. You're back in line as number 1; another coach will pick up from here.", h.VisitorSaw("v1").Last());
        Assert.Contains(h.CoachSaw("dave"), t => t.StartsWith("Request #1 is back in the sales queue"));
        await h.CoachSays("dave", "accept 1");
        Assert.Equal("You're now chatting with Dave from our sales team.", h.VisitorSaw("v1").Last());
    }

    [Fact]
    public async Task A_coach_typing_in_the_console_keeps_the_chat_even_when_its_queue_refresh_stopped()
    {
        await using var h = await StartAsync("dana");
        await h.Get<CoachPresence>().SeenAsync("dana", default);
        await h.VisitorSays("v1", "talk to sales");
        await h.CoachSays("dana", "accept 1");
        h.Clock.Advance(TimeSpan.FromSeconds(60));
        await h.CoachSays("dana", "Let me check that for you");

        h.Clock.Advance(TimeSpan.FromSeconds(80)); // 140 s after the last refresh, 80 s after the last message
        await h.SweepAsync();

        Assert.Equal(HandoffState.Connected, (await h.Record("v1"))!.State);
        Assert.Equal("Dana: Let me check that for you", h.VisitorSaw("v1").Last());
    }

    [Fact]
    public async Task A_console_opened_again_during_a_chat_gets_the_whole_transcript_again()
    {
        await using var h = await StartAsync("dana");
        await h.VisitorSays("v1", "talk to sales");
        await h.CoachSays("dana", "accept 1");
        await h.VisitorSays("v1", "are you still there?");

        await h.CoachHello("dana");

        var transcripts = h.CoachSaw("dana").Where(t => t.StartsWith("Transcript of #1")).ToList();
        Assert.Equal(2, transcripts.Count);
        Assert.DoesNotContain("are you still there?", transcripts[0]);
        Assert.Contains("Visitor #1: are you still there?", transcripts[1]);
    }

    [Fact]
    public async Task A_coach_who_never_opened_the_console_is_always_present()
    {
        await using var h = await StartAsync("dana");
        h.Clock.Advance(TimeSpan.FromHours(5));
        await h.VisitorSays("v1", "talk to sales");
        Assert.Contains(h.CoachSaw("dana"), t => t.StartsWith("New sales request #1"));
    }

    [Fact]
    public async Task A_long_chat_reaches_the_coach_whole_in_parts_of_TranscriptTurns_lines()
    {
        await using var h = new HandoffHarness(new InMemoryStorage(), settings: new Dictionary<string, string?> { ["Handoff:TranscriptTurns"] = "4" });
        await h.CoachHello("dana");
        for (var i = 1; i <= 6; i++)
        {
            await h.VisitorSays("v1", $"message {i}");
        }
        await h.VisitorSays("v1", "talk to sales");

        await h.CoachSays("dana", "accept next");

        var parts = h.CoachSaw("dana").Where(t => t.StartsWith("Transcript of #1")).ToList();
        // 6 messages and their 6 echoes, the request and the bot's answer to it: 14 lines, 4 per part.
        Assert.Equal(4, parts.Count);
        Assert.StartsWith("Transcript of #1 (sales;", parts[0]);
        Assert.Equal(Enumerable.Range(1, 4).Select(i => $", part {i} of 4:"), parts.Select(p => p[p.IndexOf(", part", StringComparison.Ordinal)..p.IndexOf('\n')]));
        Assert.All(parts, p => Assert.True(p.Split('\n').Length - 1 <= 4, p));
        var lines = parts.SelectMany(p => p.Split('\n').Skip(1)).ToList();
        Assert.Equal(14, lines.Count);
        Assert.EndsWith("Visitor #1: message 1", lines[0]);
        Assert.EndsWith("Bot: echo: message 6", lines[11]);
        Assert.EndsWith("Visitor #1: talk to sales", lines[12]);
    }

    [Fact]
    public async Task Accept_gives_the_transcript_first_then_relays_both_ways_in_order_with_the_coach_name()
    {
        await using var h = await StartAsync("dana");
        await h.VisitorSays("v1", "hello");
        await h.VisitorSays("v1", "talk to sales");
        h.Clock.Advance(TimeSpan.FromSeconds(20));

        await h.CoachSays("dana", "accept next");
        var coachSaw = h.CoachSaw("dana");
        var transcriptAt = coachSaw.ToList().FindIndex(t => t.StartsWith("Transcript of #1"));
        Assert.True(transcriptAt >= 0);
        Assert.Contains("Visitor #1: hello", coachSaw[transcriptAt]);
        Assert.Contains("Bot: echo: hello", coachSaw[transcriptAt]);
        Assert.Equal("You're now chatting with Dana from our sales team.", h.VisitorSaw("v1").Last());

        await h.CoachSays("dana", "Hi, I'm Dana. How can I help?");
        await h.VisitorSays("v1", "I'd like a demo");
        await h.Send(HandoffHarness.VisitorActivity("v1", "", ActivityTypes.Typing));

        Assert.Equal("Dana: Hi, I'm Dana. How can I help?", h.VisitorSaw("v1").Last());
        Assert.Equal("Visitor #1: I'd like a demo", h.CoachSaw("dana").Last());
        Assert.Equal(ActivityTypes.Typing, h.Adapter.SentTo(HandoffHarness.AgentConversation("dana")).Last().Type);
        Assert.DoesNotContain(h.VisitorSaw("v1"), t => t == "echo: I'd like a demo");

        var accepted = Assert.Single(h.Events.Named(OutcomeEventNames.HandoffAccepted));
        Assert.Equal("dana", accepted.CoachId);
        Assert.Equal(20_000, accepted.DurationMs);
        Assert.Equal(20_000, Assert.Single(h.Events.Named(OutcomeEventNames.HandoffFirstReply)).DurationMs);
    }

    [Fact]
    public async Task End_closes_with_the_outcome_and_the_bot_resumes_with_the_feedback_question()
    {
        await using var h = await StartAsync("dana");
        await h.VisitorSays("v1", "talk to sales");
        await h.CoachSays("dana", "accept next");
        await h.CoachSays("dana", "Happy to help with the demo.");
        h.Clock.Advance(TimeSpan.FromMinutes(3));

        await h.CoachSays("dana", "end qualified");

        var visitor = h.VisitorSaw("v1");
        Assert.Equal("Dana has ended the chat. Thanks for talking with us!", visitor[^2]);
        Assert.Equal(HandoffTestBot.Feedback, visitor[^1]);
        var (conversation, ended) = Assert.Single(h.Bot.Ended);
        Assert.Equal("v1", conversation);
        Assert.Equal(HandoffOutcomes.Qualified, ended.Outcome);
        Assert.True(ended.CoachHandled);
        Assert.Equal("dana", ended.CoachId);
        Assert.Equal(HandoffState.Closed, (await h.Record("v1"))!.State);
        var endedEvent = Assert.Single(h.Events.Named(OutcomeEventNames.HandoffEnded));
        Assert.Equal(HandoffOutcomes.Qualified, endedEvent.Outcome);
        Assert.True(endedEvent.Qualified);
        Assert.Equal(180_000, endedEvent.DurationMs);

        await h.VisitorSays("v1", "thanks");
        Assert.Equal("echo: thanks", h.VisitorSaw("v1").Last());
        await h.CoachSays("dana", "still there?");
        Assert.StartsWith("You're not in a chat.", h.CoachSaw("dana").Last());
    }

    [Fact]
    public async Task A_chat_ended_before_the_coach_wrote_anything_is_not_a_handled_chat_so_no_feedback_question()
    {
        // As the metrics count it: handled means a coach accepted and wrote to the visitor.
        await using var h = await StartAsync("dana");
        await h.VisitorSays("v1", "talk to sales");
        await h.CoachSays("dana", "accept next");
        await h.CoachSays("dana", "end resolved");

        var (_, ended) = Assert.Single(h.Bot.Ended);
        Assert.False(ended.CoachHandled);
        Assert.Equal("Anything else?", h.VisitorSaw("v1").Last());
    }

    [Fact]
    public async Task Queue_lists_waiting_visitors_with_details_and_last_messages()
    {
        await using var h = await StartAsync("dana", "sam");
        await h.VisitorSays("v1", "talk to sales");
        await h.VisitorSays("v1", "pricing for 50 seats?");
        h.Clock.Advance(TimeSpan.FromSeconds(75));
        await h.VisitorSays("v2", "talk to support");

        await h.CoachSays("dana", "queue");

        var reply = h.Adapter.SentTo(HandoffHarness.AgentConversation("dana")).Last();
        Assert.Contains("#1 · sales · waiting 1m 15s · wants a demo", reply.Text.Replace("prospect · demo · ", ""));
        Assert.Contains("\"pricing for 50 seats?\"", reply.Text);
        Assert.Contains("#2 · support", reply.Text);
        Assert.Equal(["accept 1", "accept 2"], reply.SuggestedActions.Actions.Select(a => (string)a.Value));
    }

    [Fact]
    public async Task Notes_stay_internal_and_a_team_transfer_keeps_the_place_in_line()
    {
        await using var h = await StartAsync("dana", "sam");
        await h.VisitorSays("v1", "talk to sales");
        await h.CoachSays("dana", "accept next");
        await h.CoachSays("dana", "note billing question, not sales");
        h.Clock.Advance(TimeSpan.FromSeconds(5));
        await h.VisitorSays("v2", "talk to support");

        await h.CoachSays("dana", "transfer support");

        Assert.DoesNotContain(h.VisitorSaw("v1"), t => t.Contains("billing question"));
        Assert.Contains("passing you to our support team", h.VisitorSaw("v1").Last());
        var record = await h.Record("v1");
        Assert.Equal(HandoffState.Queued, record!.State);
        Assert.Equal("support", record.Team);
        var queue = await h.Store.GetQueueAsync();
        Assert.Equal(1, queue.PositionOf(queue.Entries.Single(e => e.Ticket == record.Ticket)));
        Assert.Contains(h.CoachSaw("sam"), t => t.Contains($"passed request #{record.Ticket} to support"));

        await h.CoachSays("sam", "accept next");
        Assert.Contains(h.CoachSaw("sam"), t => t.StartsWith("Transcript of #1") && t.Contains("Note by Dana: billing question, not sales"));
        Assert.Equal("You're now chatting with Sam from our support team.", h.VisitorSaw("v1").Last());
        var transferred = Assert.Single(h.Events.Named(OutcomeEventNames.HandoffTransferred));
        Assert.Equal(("dana", "support"), (transferred.CoachId, transferred.Team));
        Assert.Equal("dana", Assert.Single(h.Events.Named(OutcomeEventNames.HandoffNote)).CoachId);
    }

    [Fact]
    public async Task Transfer_to_a_coach_connects_them_directly_and_refuses_an_away_coach()
    {
        await using var h = await StartAsync("dana", "dave");
        await h.VisitorSays("v1", "talk to sales");
        await h.CoachSays("dana", "accept next");
        await h.CoachSays("dave", "away");

        await h.CoachSays("dana", "transfer dave");
        Assert.Contains("Dave is away", h.CoachSaw("dana").Last());
        Assert.Equal("dana", (await h.Record("v1"))!.CoachId);

        await h.CoachSays("dave", "available");
        await h.CoachSays("dana", "transfer dave");
        Assert.Equal("dave", (await h.Record("v1"))!.CoachId);
        Assert.Contains(h.CoachSaw("dave"), t => t.StartsWith("Transcript of #1"));
        Assert.Equal("Dana has passed you to Dave, who can see your conversation so far.", h.VisitorSaw("v1").Last());

        await h.CoachSays("dana", "are you still there?");
        Assert.DoesNotContain(h.VisitorSaw("v1"), t => t.Contains("are you still there?"));
        await h.CoachSays("dave", "Dave here.");
        Assert.Equal("Dave: Dave here.", h.VisitorSaw("v1").Last());
    }

    [Fact]
    public async Task Never_mind_leaves_the_queue_and_gives_the_conversation_back_to_the_bot()
    {
        await using var h = await StartAsync("dana");
        await h.VisitorSays("v1", "talk to sales");
        await h.VisitorSays("v1", "never mind");

        Assert.Equal(HandoffTexts.Abandoned, h.VisitorSaw("v1")[1]);
        Assert.Equal("Anything else?", h.VisitorSaw("v1")[2]);
        Assert.Equal(HandoffOutcomes.Abandoned, Assert.Single(h.Bot.Ended).Ended.Outcome);
        Assert.Single(h.Events.Named(OutcomeEventNames.HandoffAbandoned));
        Assert.Empty((await h.Store.GetQueueAsync()).Entries);
        Assert.Contains("the visitor left the queue", h.CoachSaw("dana").Last());

        await h.CoachSays("dana", "accept 1");
        Assert.Equal("Request #1 is not waiting. Type queue to see who is.", h.CoachSaw("dana").Last());
        await h.VisitorSays("v1", "hi again");
        Assert.Equal("echo: hi again", h.VisitorSaw("v1").Last());
    }

    [Fact]
    public async Task Nobody_accepting_in_time_is_told_honestly_asked_for_an_email_and_closed_as_missed()
    {
        await using var h = await StartAsync("dana");
        await h.VisitorSays("v1", "talk to sales");
        h.Clock.Advance(TimeSpan.FromSeconds(59));
        Assert.Equal(0, await h.SweepAsync());
        h.Clock.Advance(TimeSpan.FromSeconds(2));

        Assert.Equal(1, await h.SweepAsync());
        Assert.Equal(0, await h.SweepAsync());

        Assert.Contains("nobody from our sales team could answer in time", h.VisitorSaw("v1").Last());
        Assert.Contains("leave your email", h.VisitorSaw("v1").Last());
        Assert.Equal(HandoffOutcomes.Timeout, Assert.Single(h.Events.Named(OutcomeEventNames.HandoffMissed)).Outcome);
        Assert.Contains("expired", h.CoachSaw("dana").Last());
        Assert.Empty(h.Bot.Ended);

        await h.VisitorSays("v1", "sure, it's jo@example.com");
        Assert.Equal("Thanks! A coach will write to you at jo@example.com.", h.VisitorSaw("v1")[^2]);
        var ended = Assert.Single(h.Bot.Ended).Ended;
        Assert.Equal((HandoffOutcomes.Missed, HandoffOutcomes.Timeout, "jo@example.com", false),
            (ended.Outcome, ended.MissedReason, ended.FollowUpEmail, ended.CoachHandled));
        Assert.Equal("jo@example.com", (await h.Record("v1"))!.FollowUpEmail);

        await h.CoachSays("dana", "accept 1");
        Assert.Equal(HandoffState.Closed, (await h.Record("v1"))!.State);
    }

    [Fact]
    public async Task Nobody_available_is_a_miss_at_once_and_a_known_email_is_used_instead_of_asking()
    {
        await using var h = await StartAsync("sam");
        h.Bot.VisitorEmail = "lee@example.com";

        await h.VisitorSays("v1", "talk to sales");

        Assert.Equal((HandoffRequestStatus.Missed, HandoffOutcomes.NobodyAvailable),
            (Assert.Single(h.Bot.Results).Status, h.Bot.Results.Single().MissedReason));
        Assert.Equal("I'm sorry: nobody from our sales team is available right now. A coach will email you at lee@example.com as soon as possible.", h.VisitorSaw("v1")[0]);
        Assert.Equal("Anything else?", h.VisitorSaw("v1")[1]);
        Assert.Equal(HandoffOutcomes.NobodyAvailable, Assert.Single(h.Bot.Ended).Ended.MissedReason);
        Assert.Equal(HandoffOutcomes.NobodyAvailable, Assert.Single(h.Events.Named(OutcomeEventNames.HandoffMissed)).Outcome);
        Assert.Empty((await h.Store.GetQueueAsync()).Entries);
    }

    [Theory]
    [InlineData("it is tom at globex dot com", "tom@globex.com")]
    [InlineData("Tom (at) Globex (dot) co (dot) uk", "tom@globex.co.uk")]
    [InlineData("sure: tom.lee@globex.com", "tom.lee@globex.com")]
    public async Task After_a_miss_an_address_written_out_is_taken_as_the_follow_up_email(string reply, string email)
    {
        await using var h = await StartAsync("sam");
        await h.VisitorSays("v1", "talk to sales");
        Assert.Contains("leave your email address", h.VisitorSaw("v1")[0]);

        await h.VisitorSays("v1", reply);

        Assert.Equal(HandoffTexts.FollowUpThanks(email), h.VisitorSaw("v1")[1]);
        Assert.Equal(email, Assert.Single(h.Bot.Ended).Ended.FollowUpEmail);
    }

    [Theory]
    [InlineData("I'm at globex.com all day")]
    [InlineData("I work at globex.com, call me")]
    [InlineData("can I @mention a colleague?")]
    public async Task After_a_miss_words_that_only_look_like_an_address_are_not_taken_as_one(string reply)
    {
        await using var h = await StartAsync("sam");
        await h.VisitorSays("v1", "talk to sales");

        await h.VisitorSays("v1", reply);

        var (_, ended) = Assert.Single(h.Bot.Ended);
        Assert.Null(ended.FollowUpEmail);
        Assert.DoesNotContain(h.VisitorSaw("v1"), t => t.StartsWith("Thanks! A coach will write to you", StringComparison.Ordinal) || t == HandoffTexts.FollowUpNotAnEmail);
    }

    [Fact]
    public async Task After_a_miss_a_broken_address_is_asked_again_not_handed_to_the_bot()
    {
        await using var h = await StartAsync("sam");
        await h.VisitorSays("v1", "talk to sales");

        await h.VisitorSays("v1", "tom@globex");
        Assert.Equal(HandoffTexts.FollowUpNotAnEmail, h.VisitorSaw("v1")[1]);
        Assert.Empty(h.Bot.Ended);

        await h.VisitorSays("v1", "tom@globex.com");
        Assert.Equal(HandoffTexts.FollowUpThanks("tom@globex.com"), h.VisitorSaw("v1")[2]);
    }

    [Fact]
    public async Task Outside_office_hours_the_visitor_is_told_and_a_no_thanks_ends_it()
    {
        var settings = new Dictionary<string, string?>
        {
            ["Handoff:Teams:0:TimeZone"] = "Europe/Paris",
            ["Handoff:Teams:0:OfficeHours:0:Days"] = "Mon-Fri",
            ["Handoff:Teams:0:OfficeHours:0:Open"] = "09:00",
            ["Handoff:Teams:0:OfficeHours:0:Close"] = "17:00",
        };
        // Monday 16:30 UTC is 17:30 in Paris: closed.
        await using var h = new HandoffHarness(new InMemoryStorage(), new ManualClock(HandoffHarness.Monday10Utc.AddHours(6.5)), settings);
        await h.CoachHello("dana");

        await h.VisitorSays("v1", "talk to sales");
        Assert.Contains("out of office hours", h.VisitorSaw("v1")[0]);
        Assert.Empty(h.Bot.Ended);

        await h.VisitorSays("v1", "no thanks");
        Assert.Equal(HandoffTexts.FollowUpDeclined, h.VisitorSaw("v1")[1]);
        Assert.Equal(HandoffOutcomes.ClosedHours, Assert.Single(h.Bot.Ended).Ended.MissedReason);

        h.Clock.Advance(TimeSpan.FromHours(-1));
        await h.VisitorSays("v1", "talk to sales");
        Assert.Contains("number 1 in line", h.VisitorSaw("v1").Last());
    }

    [Fact]
    public async Task After_a_miss_a_message_that_is_not_an_email_goes_to_the_bot_after_its_handoff_ended_turn()
    {
        await using var h = await StartAsync();
        await h.VisitorSays("v1", "talk to sales");
        await h.VisitorSays("v1", "what does it cost?");
        Assert.Equal(["Anything else?", "echo: what does it cost?"], h.VisitorSaw("v1").Skip(1));
    }

    [Fact]
    public async Task The_bot_cannot_talk_over_a_coach_in_the_requesting_turn_or_proactively()
    {
        await using var h = await StartAsync("dana");
        await h.VisitorSays("v1", "chatty");
        Assert.DoesNotContain("bot talking after the handoff started", h.VisitorSaw("v1"));
        await h.CoachSays("dana", "accept next");

        // Some other part of the bot sending proactively (a reminder, say) while the coach owns the chat.
        var reference = HandoffHarness.VisitorActivity("v1", "x").GetConversationReference();
        await h.Adapter.ContinueConversationAsync("", reference, (turn, ct) => turn.SendActivityAsync("Reminder from the bot!", cancellationToken: ct), default);

        Assert.DoesNotContain("Reminder from the bot!", h.VisitorSaw("v1"));
        await h.CoachSays("dana", "end");
        await h.Adapter.ContinueConversationAsync("", reference, (turn, ct) => turn.SendActivityAsync("Reminder from the bot!", cancellationToken: ct), default);
        Assert.Equal("Reminder from the bot!", h.VisitorSaw("v1").Last());
    }

    [Fact]
    public async Task A_visitor_typing_coach_commands_is_just_a_visitor_and_cannot_fake_the_end_event()
    {
        await using var h = await StartAsync("dana");
        await h.VisitorSays("v2", "talk to sales");

        await h.VisitorSays("v1", "accept next");
        await h.VisitorSays("v1", "queue");
        Assert.Equal(["echo: accept next", "echo: queue"], h.VisitorSaw("v1"));
        Assert.Equal(HandoffState.Queued, (await h.Record("v2"))!.State);

        // The console user id on another channel is not the coach.
        var impostor = HandoffHarness.CoachActivity("dana", "accept next");
        impostor.ChannelId = "webchat";
        impostor.Conversation.Id = "v3";
        await h.Send(impostor);
        Assert.Equal(["echo: accept next"], h.Adapter.TextsTo("v3"));
        Assert.Equal(HandoffState.Queued, (await h.Record("v2"))!.State);

        // The coach's exact identity on a turn no channel vouched for (anonymous /api/messages) is not the coach either.
        var unvouched = HandoffHarness.CoachActivity("dana", "accept next");
        unvouched.Conversation.Id = "v4";
        await h.Send(unvouched, authenticated: false);
        Assert.Equal(["echo: accept next"], h.Adapter.TextsTo("v4"));
        Assert.Equal(HandoffState.Queued, (await h.Record("v2"))!.State);

        var forged = HandoffHarness.VisitorActivity("v1", "", ActivityTypes.Event);
        forged.Name = HandoffEnded.EventName;
        forged.Value = new { outcome = "qualified", coachHandled = true };
        await h.Send(forged);
        Assert.Empty(h.Bot.Ended);
    }

    [Fact]
    public async Task A_visitors_markdown_and_html_reach_the_coach_as_plain_words()
    {
        await using var h = await StartAsync("dana");
        await h.VisitorSays("v1", "talk to sales");
        const string spoof = "see ![logo](http://evil.example/pixel) [login](http://evil.example) <b>x</b>\n\n**Bot: approved 50% off**";
        await h.VisitorSays("v1", spoof);
        await h.CoachSays("dana", "accept next");

        // The transcript is Markdown (a list): the visitor's words in it are escaped, on one line; an address shows
        // as itself (an autolink), never behind a label or as an image.
        var transcript = h.CoachSaw("dana").Single(t => t.StartsWith("Transcript of #1", StringComparison.Ordinal));
        Assert.Contains(@"see \!\[logo\]\(<http://evil.example/pixel>\) \[login\]\(<http://evil.example>\) \<b\>x\</b\>  \*\*Bot: approved 50% off\*\*", transcript);
        Assert.DoesNotContain("![logo](", transcript);

        // A live relay is plain text on one line: shown as typed, nothing rendered, no line that looks like another's.
        await h.VisitorSays("v1", spoof);
        var relayed = h.Adapter.SentTo(HandoffHarness.AgentConversation("dana")).Last();
        Assert.Equal("Visitor #1: see ![logo](http://evil.example/pixel) [login](http://evil.example) <b>x</b> / **Bot: approved 50% off**", relayed.Text);
        Assert.Equal(TextFormatTypes.Plain, relayed.TextFormat);
    }

    [Fact]
    public async Task A_visitors_files_reach_the_coach_but_cards_with_buttons_never_do()
    {
        await using var h = await StartAsync("dana");
        await h.VisitorSays("v1", "talk to sales");
        await h.CoachSays("dana", "accept next");

        var message = HandoffHarness.VisitorActivity("v1", "here is my screenshot");
        message.Attachments =
        [
            new Attachment { ContentType = "image/png", ContentUrl = "data:image/png;base64,iVBORw0KGgo=", Name = "shot.png" },
            // Not an upload: an image from elsewhere would load in the coach's browser (a tracking pixel).
            new Attachment { ContentType = "image/png", ContentUrl = "https://evil.example/pixel.png", Name = "invoice.png" },
            // Clicked in the console, this button would send "transfer support" as the coach.
            new HeroCard { Buttons = [new CardAction(ActionTypes.ImBack, "OK", value: "transfer support")] }.ToAttachment(),
        ];
        await h.Send(message);

        var relayed = h.Adapter.SentTo(HandoffHarness.AgentConversation("dana")).Last();
        Assert.Equal("Visitor #1: here is my screenshot (and a card or link, not shown)", relayed.Text);
        var file = Assert.Single(relayed.Attachments);
        Assert.Equal("image/png", file.ContentType);
    }

    [Fact]
    public async Task Coach_messages_reach_only_the_visitor_they_are_connected_to()
    {
        await using var h = await StartAsync("dana", "dave");
        await h.VisitorSays("v1", "talk to sales");
        await h.VisitorSays("v2", "talk to sales");
        await h.CoachSays("dana", "accept 1");
        await h.CoachSays("dave", "accept 2");

        await h.CoachSays("dana", "for visitor one");
        await h.CoachSays("dave", "for visitor two");
        await h.VisitorSays("v3", "talk to sales");
        await h.CoachSays("dana", "accept 3");

        Assert.Contains("Dana: for visitor one", h.VisitorSaw("v1"));
        Assert.DoesNotContain(h.VisitorSaw("v2"), t => t.Contains("visitor one"));
        Assert.DoesNotContain(h.VisitorSaw("v1"), t => t.Contains("visitor two"));
        Assert.Equal("You're already in chat #1. End or transfer it first.", h.CoachSaw("dana").Last());
    }

    [Fact]
    public async Task Commands_are_strict_so_ordinary_sentences_reach_the_visitor()
    {
        await using var h = await StartAsync("dana");
        await h.VisitorSays("v1", "talk to sales");
        await h.CoachSays("dana", "accept next");
        await h.CoachSays("dana", "End of month works for us");
        await h.CoachSays("dana", "accept the offer and we'll talk");
        Assert.Equal(HandoffState.Connected, (await h.Record("v1"))!.State);
        Assert.Equal(["Dana: End of month works for us", "Dana: accept the offer and we'll talk"], h.VisitorSaw("v1").TakeLast(2));
    }
}
