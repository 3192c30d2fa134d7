using ChatBot.Dialogs.Prospects;
using ChatBot.Handoff.Events;

namespace ChatBot.Tests.Prospects;

/// <summary>What the profile remembers across conversations: greeting by name, no question asked twice.</summary>
public class ReturningVisitorTests
{
    [Fact]
    public async Task A_returning_visitor_is_welcomed_back_and_not_asked_again_what_the_bot_knows()
    {
        await using var h = new JourneyHarness();
        await h.Start(h.Conversation("first"))
            .BotStartsWith("Hi, I'm Larkspur Assistant.")
            .Send(JourneyHarness.WithVisitor("how much is the professional plan, we are 40 people", name: "Jane Doe"))
            .BotSaysAnything().BotSaysAnything().Bot(JourneyTexts.RoleQuestion)
            .Send("Sales").Bot(JourneyTexts.UseCaseQuestion)
            .Send("Sales pipeline").Bot(JourneyTexts.TimelineQuestion)
            .Send("This month").Bot(JourneyTexts.EmailQuestion)
            .Send("jane@acme.com").Bot(JourneyTexts.ConsentQuestion("jane@acme.com"))
            .Send("sure").Bot(JourneyTexts.Qualified).Bot(RecordingHandoffRequester.Queued("sales"))
            .NothingMore()
            .StartTestAsync();

        // A new conversation, days later, same visitor: nothing is asked again; the prices and the route follow.
        h.Clock.Advance(TimeSpan.FromDays(3));
        await h.Start(h.Conversation("second"))
            .Bot("Welcome back, Jane. What can I help you with today?", JourneyTexts.StartingPoints.ToArray())
            .Send("How much does Larkspur CRM cost?")
            .AssertReply(a => Assert.Equal(h.Faq.FindEntry("kb-001")!.Answer, a.AsMessageActivity().Text))
            .Bot(JourneyTexts.Qualified)
            .Bot(RecordingHandoffRequester.Queued("sales"))
            .NothingMore()
            .StartTestAsync();

        var second = h.Handoff.Requests.Single(r => r.ConversationId == "second").Request;
        Assert.Equal("jane@acme.com", second.VisitorEmail);
        Assert.Equal("Jane Doe", second.VisitorName);
        Assert.StartsWith("Role: Sales · Size: 40 · Use: Sales pipeline · Timeline: This month", second.QualificationSummary);
        Assert.Single(h.EventsOf("second"), e => e.Name == OutcomeEventNames.EngagementStarted);
        Assert.Single(h.EventsOf("second"), e => e.Name == OutcomeEventNames.QualificationCompleted);
        Assert.Equal(h.Clock.Now, (await h.StoredProfileAsync())!.LastSeen);
    }

    [Fact]
    public async Task A_returning_visitor_without_a_name_is_welcomed_back_and_the_known_type_routes_without_a_question()
    {
        await using var h = new JourneyHarness();
        await h.Start(h.Conversation("first"))
            .BotSaysAnything()
            .Send("How should an e-commerce business use email?").BotSaysAnything().BotSaysAnything()
            .Send(JourneyTexts.OnPaidPlan).Bot(RecordingHandoffRequester.Queued("support"))
            .NothingMore()
            .StartTestAsync();
        await h.Start(h.Conversation("second"))
            .Bot("Welcome back. What can I help you with today?")
            .Send("What's the best way to structure a sales team?")
            .Bot(JourneyTexts.CoachCanHelp)
            .Bot(RecordingHandoffRequester.Queued("support"))
            .NothingMore()
            .StartTestAsync();
        Assert.Equal(["support", "support"], h.Handoff.Requests.Select(r => r.Request.Team));
    }

    [Fact]
    public async Task The_welcome_is_sent_once_per_conversation_and_not_for_the_bot_joining()
    {
        await using var h = new JourneyHarness();
        var adapter = h.Conversation();
        await h.Flow(adapter)
            .Send(new Microsoft.Bot.Schema.Activity { Type = Microsoft.Bot.Schema.ActivityTypes.ConversationUpdate, MembersAdded = [adapter.Conversation.Bot] })
            .AssertNoReply()
            .Send(JourneyHarness.MembersAdded(adapter)).BotStartsWith("Hi, I'm")
            .Send(JourneyHarness.MembersAdded(adapter)).AssertNoReply()
            .NothingMore()
            .StartTestAsync();
    }
}
