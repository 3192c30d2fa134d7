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
            .BotSaysAnything().BotStartsWith("For 40 people on Professional").BotSaysAnything().Bot(JourneyTexts.RoleQuestion)
            .Send("Sales").Bot(JourneyTexts.UseCaseQuestion)
            .Send("Sales pipeline").Bot(JourneyTexts.TimelineQuestion)
            .Send("This month").Bot(JourneyTexts.EmailQuestion)
            .Send("jane@acme.com").Bot(JourneyTexts.ConsentQuestion("jane@acme.com"))
            .Send("sure").Bot(JourneyTexts.Qualified).Bot(RecordingHandoffRequester.Queued("sales"))
            .NothingMore()
            .StartTestAsync();

        // A new conversation, days later, same visitor: nothing is asked or scored again; the prices and the route
        // follow, with words that are true (no "that's all I need" when nothing was asked).
        h.Clock.Advance(TimeSpan.FromDays(3));
        await h.Start(h.Conversation("second"))
            .Bot("Welcome back, Jane. What can I help you with today?", JourneyTexts.StartingPoints.ToArray())
            .Send("How much does Larkspur CRM cost?")
            .AssertReply(a => Assert.Equal(h.Faq.FindEntry("kb-001")!.Answer, a.AsMessageActivity().Text))
            .Bot("I have your details from before, so I'll connect you with our sales team to go through it with you.")
            .Bot(RecordingHandoffRequester.Queued("sales"))
            .NothingMore()
            .StartTestAsync();

        var second = h.Handoff.Requests.Single(r => r.ConversationId == "second").Request;
        Assert.Equal("jane@acme.com", second.VisitorEmail);
        Assert.Equal("Jane Doe", second.VisitorName);
        Assert.StartsWith("Role: Sales · Size: 40 · Use: Sales pipeline · Timeline: This month", second.QualificationSummary);
        Assert.Contains("Score 100 (qualifies at 60): sales-qualified", second.QualificationSummary);
        Assert.Single(h.EventsOf("second"), e => e.Name == OutcomeEventNames.EngagementStarted);
        Assert.DoesNotContain(h.EventsOf("second"), e => e.Name == OutcomeEventNames.QualificationCompleted);
        Assert.Single(h.Events.Named(OutcomeEventNames.QualificationCompleted));
        var routed = Assert.Single(h.EventsOf("second"), e => e.Name == OutcomeEventNames.Routed);
        Assert.Equal(("sales", true), (routed.Route, routed.Qualified));
        Assert.Equal(h.Clock.Now, (await h.StoredProfileAsync())!.LastSeen);
    }

    [Fact]
    public async Task A_returning_qualified_visitor_booking_a_demo_goes_to_sales_without_being_qualified_again()
    {
        await using var h = new JourneyHarness();
        await h.Start(h.Conversation("first"))
            .BotSaysAnything()
            .Send("Pricing").BotSaysAnything().BotSaysAnything().Bot(JourneyTexts.RoleQuestion)
            .Send("Founder or owner").Bot(JourneyTexts.SizeQuestion)
            .Send("60").Bot(JourneyTexts.UseCaseQuestion)
            .Send("Sales pipeline").Bot(JourneyTexts.TimelineQuestion)
            .Send("This month").Bot(JourneyTexts.EmailQuestion)
            .Send("maria@northwind-traders.com").Bot(JourneyTexts.ConsentQuestion("maria@northwind-traders.com"))
            .Send("yes").Bot(JourneyTexts.Qualified).Bot(RecordingHandoffRequester.Queued("sales"))
            .NothingMore()
            .StartTestAsync();

        h.Clock.Advance(TimeSpan.FromDays(2));
        await h.Start(h.Conversation("second"))
            .BotSaysAnything()
            .Send(JourneyTexts.BookDemo)
            // Nothing was asked this time: no "Thanks, that's all I need".
            .Bot("Happy to set up a demo. I have your details from before, so I'll connect you with our sales team.")
            .Bot(RecordingHandoffRequester.Queued("sales"))
            // Sales was asked for in this conversation already: offered again, not queued again.
            .Send("how much would professional be for 60 people?")
            .AssertReply(a => Assert.Equal(h.Faq.FindEntry("kb-001")!.Answer, a.AsMessageActivity().Text))
            .Bot("For 60 people on Professional: 60 seats × $80 per seat per month = $4,800 a month, billed annually ($57,600 a year).")
            .Bot("Would you like to go through it with someone from our sales team?", "Talk to sales")
            .NothingMore()
            .StartTestAsync();

        Assert.Single(h.Events.Named(OutcomeEventNames.QualificationCompleted));
        var second = h.Handoff.Requests.Where(r => r.ConversationId == "second").Select(r => r.Request).ToList();
        var demo = Assert.Single(second);
        Assert.Equal((JourneyIntents.Demo, "sales"), (demo.Intent, demo.Team));
        Assert.StartsWith("Role: Founder or owner · Size: 60 · Use: Sales pipeline · Timeline: This month", demo.QualificationSummary);
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
