using ChatBot.Handoff.Events;
using ChatBot.Handoff.Requests;
using ChatBot.Handoff.Storage;
using ChatBot.Storage;
using Microsoft.Bot.Schema;
using Newtonsoft.Json.Linq;

namespace ChatBot.Tests.Handoff;

/// <summary>Handoff:Mode External: handoff.initiate out, handoff.status in, and our own timeout.</summary>
public class ExternalModeTests
{
    /// <param name="hubChannel">The channel the test's hub speaks on (the harness's visitors are on "directline").</param>
    private static HandoffHarness Start(string hubChannel = HandoffHarness.Channel) =>
        new(new InMemoryStorage(), settings: new Dictionary<string, string?>
        {
            ["Handoff:Mode"] = "External",
            ["Handoff:ExternalTimeoutSeconds"] = "120",
            ["Handoff:ExternalStatusChannels:0"] = hubChannel,
        });

    [Fact]
    public async Task A_status_event_from_a_visitors_own_channel_or_an_unauthenticated_turn_is_ignored()
    {
        // The default: only Omnichannel's channel carries the hub's status; on Direct Line a visitor could send one.
        await using (var h = Start(hubChannel: "omnichannel"))
        {
            await h.VisitorSays("v1", "talk to sales");
            await h.Send(Status("accepted"));
            await h.Send(Status("completed"));
            Assert.Empty(h.Events.Named(OutcomeEventNames.HandoffAccepted));
            Assert.Equal(HandoffState.Queued, (await h.Record("v1"))!.State);
        }
        await using (var h = Start())
        {
            await h.VisitorSays("v1", "talk to sales");
            await h.Send(Status("accepted"), authenticated: false);
            Assert.Empty(h.Events.Named(OutcomeEventNames.HandoffAccepted));
            Assert.Equal(HandoffState.Queued, (await h.Record("v1"))!.State);
        }
    }

    private static Activity Status(string state)
    {
        var status = HandoffHarness.VisitorActivity("v1", "", ActivityTypes.Event);
        status.Name = "handoff.status";
        status.From = new ChannelAccount("omnichannel", "Agent hub");
        status.Value = JObject.FromObject(new { state, message = "" });
        return status;
    }

    [Fact]
    public async Task A_request_sends_handoff_initiate_with_routing_context_and_transcript()
    {
        await using var h = Start();
        await h.VisitorSays("v1", "hello");
        await h.VisitorSays("v1", "talk to support");

        Assert.Equal(HandoffRequestStatus.Initiated, Assert.Single(h.Bot.Results).Status);
        var sent = h.Adapter.SentTo("v1");
        Assert.Equal("I'm connecting you with our support team. Someone will be with you shortly.", sent[^2].Text);
        var initiate = sent[^1];
        Assert.Equal((ActivityTypes.Event, "handoff.initiate"), (initiate.Type, initiate.Name));
        var context = JObject.FromObject(initiate.Value);
        Assert.Equal("support", (string?)context["skill"]);
        Assert.Equal("prospect", (string?)context["visitorType"]);
        Assert.Equal("50 seats, budget approved", (string?)context["qualificationSummary"]);
        var transcript = JObject.FromObject(initiate.Attachments.Single().Content)["activities"]!.Select(a => (string?)a["text"]).ToList();
        Assert.Equal(["hello", "echo: hello", "talk to support"], transcript);
        Assert.Equal(["handoff.requested", "handoff.queued"], h.Events.Events.Select(e => e.Name));

        // While the hub has it, nothing reaches the bot.
        await h.Send(Status("accepted"));
        await h.VisitorSays("v1", "hi agent");
        Assert.DoesNotContain(h.VisitorSaw("v1"), t => t == "echo: hi agent");
        Assert.Equal(ExternalAgent, Assert.Single(h.Events.Named(OutcomeEventNames.HandoffAccepted)).CoachId);
    }

    private const string ExternalAgent = "external";

    [Fact]
    public async Task Completed_gives_the_conversation_back_to_the_bot()
    {
        await using var h = Start();
        await h.VisitorSays("v1", "talk to sales");
        await h.Send(Status("accepted"));
        await h.Send(Status("completed"));

        var ended = Assert.Single(h.Bot.Ended).Ended;
        Assert.True(ended.CoachHandled);
        Assert.Equal(HandoffTestBot.Feedback, h.VisitorSaw("v1").Last());
        Assert.Single(h.Events.Named(OutcomeEventNames.HandoffEnded));
        await h.VisitorSays("v1", "back to the bot");
        Assert.Equal("echo: back to the bot", h.VisitorSaw("v1").Last());
    }

    [Fact]
    public async Task Failed_is_a_miss_told_honestly_with_a_request_for_an_email()
    {
        await using var h = Start();
        await h.VisitorSays("v1", "talk to sales");
        await h.Send(Status("failed"));

        Assert.Contains("I couldn't reach our sales team", h.VisitorSaw("v1").Last());
        Assert.Equal(HandoffOutcomes.Failed, Assert.Single(h.Events.Named(OutcomeEventNames.HandoffMissed)).Outcome);
        await h.VisitorSays("v1", "a@b.io");
        Assert.Equal("a@b.io", Assert.Single(h.Bot.Ended).Ended.FollowUpEmail);
    }

    [Fact]
    public async Task A_hub_that_never_answers_times_out_on_our_side()
    {
        await using var h = Start();
        await h.VisitorSays("v1", "talk to sales");
        h.Clock.Advance(TimeSpan.FromSeconds(121));

        Assert.Equal(1, await h.SweepAsync());
        Assert.Contains("could answer in time", h.VisitorSaw("v1").Last());
        Assert.Equal(HandoffState.Closed, (await h.Record("v1"))!.State);

        // A late answer from the hub changes nothing.
        await h.Send(Status("accepted"));
        Assert.Equal(HandoffState.Closed, (await h.Record("v1"))!.State);
        Assert.Empty(h.Events.Named(OutcomeEventNames.HandoffAccepted));
    }

    [Fact]
    public async Task A_status_event_without_an_external_request_is_ignored()
    {
        await using var h = Start();
        await h.Send(Status("completed"));
        Assert.Empty(h.Bot.Ended);
        Assert.Null(await h.Record("v1"));
    }
}
