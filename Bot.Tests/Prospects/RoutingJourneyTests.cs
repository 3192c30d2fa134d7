using ChatBot.Dialogs.Prospects;
using ChatBot.Handoff.Events;

namespace ChatBot.Tests.Prospects;

/// <summary>Nuanced questions go to a coach of the right team; a request for a person goes there first.</summary>
public class RoutingJourneyTests
{
    private const string Advice = "How should an e-commerce business use email?";

    [Theory]
    [InlineData(JourneyTexts.NotYet, "prospect", "sales")]
    [InlineData("we're on the free plan", "free", "support")]
    [InlineData(JourneyTexts.OnPaidPlan, "customer", "support")]
    public async Task A_nuanced_question_from_an_unknown_visitor_gets_one_question_then_a_coach_of_the_right_team(string answer, string type, string team)
    {
        await using var h = new JourneyHarness();
        await h.Start(h.Conversation())
            .BotSaysAnything()
            .Send(Advice)
            .Bot(JourneyTexts.CoachCanHelp)
            .Bot(JourneyTexts.WhoAreYou, JourneyTexts.NotYet, JourneyTexts.OnFreePlan, JourneyTexts.OnPaidPlan)
            .Send(answer)
            .Bot(RecordingHandoffRequester.Queued(team))
            .NothingMore()
            .StartTestAsync();

        var request = Assert.Single(h.Handoff.Requests).Request;
        Assert.Equal((team, type, JourneyIntents.Advice), (request.Team, request.VisitorType, request.Intent));
        var events = h.EventsOf("conversation-1");
        Assert.Equal(
            [
                OutcomeEventNames.EngagementStarted, OutcomeEventNames.VisitorClassified, OutcomeEventNames.FaqUnanswered,
                OutcomeEventNames.VisitorClassified, OutcomeEventNames.Routed,
            ],
            events.Select(e => e.Name));
        Assert.Equal((null, JourneyIntents.Advice), (events[1].VisitorType, events[1].Intent));
        Assert.Equal(Advice, events[2].Question);
        Assert.Equal((type, JourneyIntents.Advice), (events[3].VisitorType, events[3].Intent));
        Assert.Equal((team, team, type), (events[4].Route, events[4].Team, events[4].VisitorType));
        // Only faq.unanswered carries the visitor's words.
        Assert.All(events.Where(e => e.Name != OutcomeEventNames.FaqUnanswered), e => Assert.Null(e.Question));
        Assert.Equal(type, (await h.StoredProfileAsync())!.VisitorType);
    }

    [Theory]
    [InlineData("prospect", "sales")]
    [InlineData("customer", "support")]
    [InlineData("free", "support")]
    public async Task The_page_says_who_the_visitor_is_and_no_question_is_asked(string type, string team)
    {
        await using var h = new JourneyHarness();
        await h.Start(h.Conversation())
            .BotSaysAnything()
            .Send(JourneyHarness.WithVisitor(Advice, type: type, name: "Jane Doe", email: "jane@acme.com"))
            .Bot(JourneyTexts.CoachCanHelp)
            .Bot(RecordingHandoffRequester.Queued(team))
            .NothingMore()
            .StartTestAsync();
        var request = Assert.Single(h.Handoff.Requests).Request;
        Assert.Equal((team, type, "Jane Doe"), (request.Team, request.VisitorType, request.VisitorName));
        // The page's address is not one the visitor agreed to be emailed at.
        Assert.Null(request.VisitorEmail);
        Assert.Equal(type, h.EventsOf("conversation-1")[0].VisitorType);
    }

    [Theory]
    [InlineData("Talk to a person", null, "sales")]
    [InlineData("can I speak to a human please", "customer", "support")]
    [InlineData("agent", "prospect", "sales")]
    [InlineData("I'd like to talk to support", null, "support")]
    [InlineData("talk to sales", "customer", "sales")]
    public async Task A_request_for_a_person_goes_to_the_handoff_before_anything_else(string text, string? type, string team)
    {
        await using var h = new JourneyHarness();
        await h.Start(h.Conversation())
            .BotSaysAnything()
            .Send(JourneyHarness.WithVisitor(text, type: type))
            // The handoff's own message is the first thing the visitor hears.
            .Bot(RecordingHandoffRequester.Queued(team))
            .NothingMore()
            .StartTestAsync();
        var request = Assert.Single(h.Handoff.Requests).Request;
        Assert.Equal((team, "asked for a person", JourneyIntents.Person), (request.Team, request.Reason, request.Intent));
        Assert.Empty(h.Events.Named(OutcomeEventNames.FaqAnswered).Concat(h.Events.Named(OutcomeEventNames.FaqUnanswered)));
        Assert.Equal(JourneyIntents.Person, Assert.Single(h.Events.Named(OutcomeEventNames.VisitorClassified)).Intent);
    }

    [Fact]
    public async Task Help_start_over_and_small_talk_are_answered_without_a_coach()
    {
        await using var h = new JourneyHarness();
        var starts = JourneyTexts.StartingPoints.ToArray();
        await h.Start(h.Conversation())
            .Bot("Hi, I'm Larkspur Assistant. I can answer questions about Larkspur CRM or put you in touch with our team. What brings you here today?", starts)
            .Send("hello").Bot(JourneyTexts.Hello().Text, starts)
            .Send("hi, anyone here?").Bot(JourneyTexts.Hello().Text, starts)
            .Send("help").Bot(JourneyTexts.Help().Text, starts)
            .Send("?").Bot(JourneyTexts.Help().Text)
            .Send(JourneyTexts.AskQuestion).Bot(JourneyTexts.AskAway)
            .Send("start over").Bot(JourneyTexts.RestartText).Bot(JourneyTexts.StartAgain().Text, starts)
            .Send("accept next").Bot(JourneyTexts.NotUnderstood().Text, starts)
            .Send("thanks!").Bot(JourneyTexts.YoureWelcome)
            .Send("bye").Bot(JourneyTexts.Goodbye)
            .NothingMore()
            .StartTestAsync();
        Assert.Empty(h.Handoff.Requests);
        Assert.Empty(h.Events.Named(OutcomeEventNames.FaqUnanswered));
        Assert.All(h.Events.Named(OutcomeEventNames.VisitorClassified), e => Assert.Equal(JourneyIntents.Conversation, e.Intent));
        Assert.Single(h.Events.Named(OutcomeEventNames.EngagementStarted));
    }

    [Theory]
    [InlineData("ok thanks, bye", "Thanks for stopping by. I'm here if you need anything else.")]
    [InlineData("thanks for the help, bye", "Thanks for stopping by. I'm here if you need anything else.")]
    [InlineData("no thanks, that's all", "Thanks for stopping by. I'm here if you need anything else.")]
    [InlineData("bye 👋", "Thanks for stopping by. I'm here if you need anything else.")]
    [InlineData("Thanks so much for your help!", "You're welcome. Is there anything else I can help with?")]
    [InlineData("great, thanks 🙏", "You're welcome. Is there anything else I can help with?")]
    [InlineData("ok cool 👍", "Great. Is there anything else I can help with?")]
    [InlineData("hey there 👋", "Hi there. What can I help you with today?")]
    public async Task Small_talk_in_any_words_is_answered_politely_without_a_coach_or_an_unanswered_question(string text, string reply)
    {
        await using var h = new JourneyHarness();
        await h.Start(h.Conversation())
            .BotSaysAnything()
            .Send(text).Bot(reply)
            .NothingMore()
            .StartTestAsync();
        Assert.Empty(h.Handoff.Requests);
        Assert.Empty(h.Events.Named(OutcomeEventNames.FaqUnanswered));
        Assert.Equal(JourneyIntents.Conversation, Assert.Single(h.Events.Named(OutcomeEventNames.VisitorClassified)).Intent);
    }

    [Fact]
    public async Task A_billing_how_to_is_answered_not_taken_as_buying_intent()
    {
        await using var h = new JourneyHarness();
        await h.Start(h.Conversation())
            .BotSaysAnything()
            .Send("How do I switch from monthly to annual billing?")
            .AssertReply(a => Assert.Equal(h.Faq.FindEntry("kb-073")!.Answer, a.AsMessageActivity().Text))
            .Bot(JourneyTexts.DidThatAnswer)
            .NothingMore()
            .StartTestAsync();
        Assert.Empty(h.Events.Named(OutcomeEventNames.QualificationCompleted));
        Assert.Equal(JourneyIntents.Question, Assert.Single(h.Events.Named(OutcomeEventNames.VisitorClassified)).Intent);
    }

    [Fact]
    public async Task Start_over_or_help_at_a_did_that_answer_question()
    {
        await using var h = new JourneyHarness();
        await h.Start(h.Conversation())
            .BotSaysAnything()
            .Send("How do I reset my password?").BotSaysAnything().Bot(JourneyTexts.DidThatAnswer)
            .Send("help").Bot(JourneyTexts.QuestionHelp).Bot(JourneyTexts.DidThatAnswer)
            .Send("start over").Bot(JourneyTexts.RestartText).Bot(JourneyTexts.StartAgain().Text)
            .Send("talk to a person").Bot(RecordingHandoffRequester.Queued("sales"))
            .NothingMore()
            .StartTestAsync();
    }

    [Fact]
    public async Task An_attachment_without_text_is_answered_plainly()
    {
        await using var h = new JourneyHarness();
        await h.Start(h.Conversation())
            .BotSaysAnything()
            .Send(new Microsoft.Bot.Schema.Activity
            {
                Type = Microsoft.Bot.Schema.ActivityTypes.Message,
                Attachments = [new Microsoft.Bot.Schema.Attachment("image/png", "https://example.com/a.png")],
            })
            .Bot(JourneyTexts.TextOnly)
            .NothingMore()
            .StartTestAsync();
    }
}
