using ChatBot.Dialogs.Prospects;
using ChatBot.Handoff.Events;

namespace ChatBot.Tests.Prospects;

/// <summary>Documented questions, follow-ups, "did that answer", and the "did you mean" of a near miss.</summary>
public class FaqJourneyTests
{
    private const string AddUser = "How do I add a user to my portal?";
    private static readonly string[] AddUserReplies =
        [JourneyTexts.Yes, JourneyTexts.No, "How do I change a user's permissions?", "How do I buy more paid seats?", "How do I remove a user from my portal?"];

    [Fact]
    public async Task A_documented_question_is_answered_at_once_with_its_follow_ups_and_did_that_answer()
    {
        await using var h = new JourneyHarness();
        var conversation = h.Conversation();
        await h.Start(conversation)
            .BotStartsWith("Hi, I'm Larkspur Assistant.")
            .Send(AddUser)
            .AssertReply(a =>
            {
                Assert.Equal(h.Faq.FindEntry("kb-007")!.Answer, a.AsMessageActivity().Text);
                Assert.Equal("markdown", a.AsMessageActivity().TextFormat);
            })
            .Bot(JourneyTexts.DidThatAnswer, AddUserReplies)
            .Send(JourneyTexts.Yes)
            .Bot(FeedbackDialog.Question, JourneyTexts.ThumbsUp, JourneyTexts.ThumbsDown)
            .NothingMore()
            .StartTestAsync();

        var events = h.EventsOf("conversation-1");
        Assert.Equal(
            [OutcomeEventNames.EngagementStarted, OutcomeEventNames.VisitorClassified, OutcomeEventNames.FaqAnswered],
            events.Select(e => e.Name));
        Assert.All(events, e => Assert.Equal(JourneyHarness.User, e.VisitorId));
        Assert.All(events, e => Assert.Null(e.Question));
        Assert.Equal(JourneyIntents.Question, events[1].Intent);
        var answered = events[2];
        Assert.Equal("kb-007", answered.FaqEntryId);
        Assert.Equal(1.0, answered.Score);
        Assert.Null(answered.Team);
        Assert.Empty(h.Handoff.Requests);
    }

    [Fact]
    public async Task A_follow_up_button_is_answered_from_the_knowledge_base()
    {
        await using var h = new JourneyHarness();
        await h.Start(h.Conversation())
            .BotSaysAnything()
            .Send(AddUser).BotSaysAnything().BotSaysAnything()
            .Send("How do I remove a user from my portal?")
            .AssertReply(a => Assert.Equal(h.Faq.FindEntry("kb-008")!.Answer, a.AsMessageActivity().Text))
            .Bot(JourneyTexts.DidThatAnswer, JourneyTexts.Yes, JourneyTexts.No, AddUser, "How do I buy more paid seats?")
            .NothingMore()
            .StartTestAsync();
        Assert.Equal(["kb-007", "kb-008"], h.Events.Named(OutcomeEventNames.FaqAnswered).Select(e => e.FaqEntryId));
    }

    [Fact]
    public async Task A_new_question_instead_of_yes_or_no_is_classified_like_any_message()
    {
        await using var h = new JourneyHarness();
        await h.Start(h.Conversation())
            .BotSaysAnything()
            .Send(AddUser).BotSaysAnything().BotSaysAnything()
            .Send("How do I reset my password?")
            .AssertReply(a => Assert.Equal(h.Faq.FindEntry("kb-010")!.Answer, a.AsMessageActivity().Text))
            .Bot(JourneyTexts.DidThatAnswer)
            .NothingMore()
            .StartTestAsync();
    }

    [Fact]
    public async Task No_offers_someone_from_the_entrys_team_and_yes_hands_over_to_that_team()
    {
        await using var h = new JourneyHarness();
        await h.Start(h.Conversation())
            .BotSaysAnything()
            .Send(AddUser).BotSaysAnything().BotSaysAnything()
            .Send(JourneyTexts.No)
            .Bot(JourneyTexts.OfferCoach("support"), JourneyTexts.YesPlease, JourneyTexts.NoThanks)
            .Send(JourneyTexts.YesPlease)
            .Bot(RecordingHandoffRequester.Queued("support"))
            .NothingMore()
            .StartTestAsync();

        var (conversationId, request) = Assert.Single(h.Handoff.Requests);
        Assert.Equal("conversation-1", conversationId);
        Assert.Equal("support", request.Team);
        Assert.Equal(JourneyIntents.Question, request.Intent);
        Assert.Contains(AddUser, request.Reason);
        var routed = Assert.Single(h.Events.Named(OutcomeEventNames.Routed));
        Assert.Equal(("support", "support"), (routed.Route, routed.Team));
        // The handoff records handoff.requested itself; the journey never does.
        Assert.Empty(h.Events.Named(OutcomeEventNames.HandoffRequested));
    }

    [Fact]
    public async Task No_then_no_thanks_leaves_the_visitor_with_the_bot()
    {
        await using var h = new JourneyHarness();
        await h.Start(h.Conversation())
            .BotSaysAnything()
            .Send(AddUser).BotSaysAnything().BotSaysAnything()
            .Send("not really").Bot(JourneyTexts.OfferCoach("support"))
            .Send("no thanks").Bot(JourneyTexts.TryAgain)
            .NothingMore()
            .StartTestAsync();
        Assert.Empty(h.Handoff.Requests);
        Assert.Empty(h.Events.Named(OutcomeEventNames.CsatGiven));
    }

    [Fact]
    public async Task A_near_miss_gets_did_you_mean_and_the_chosen_entry_is_answered()
    {
        await using var h = new JourneyHarness();
        await h.Start(h.Conversation())
            .BotSaysAnything()
            .Send("export")
            .Bot(JourneyTexts.DidYouMean, "How do I export my contacts?", "How do I export a report?", JourneyTexts.NoneOfThese)
            .Send("How do I export a report?")
            .AssertReply(a => Assert.Equal(h.Faq.FindEntry("kb-047")!.Answer, a.AsMessageActivity().Text))
            .Bot(JourneyTexts.DidThatAnswer)
            .NothingMore()
            .StartTestAsync();

        var events = h.EventsOf("conversation-1");
        Assert.Equal(JourneyIntents.Unclear, events.Single(e => e.Name == OutcomeEventNames.VisitorClassified).Intent);
        var clarified = Assert.Single(events, e => e.Name == OutcomeEventNames.FaqClarified);
        Assert.Equal("kb-017", clarified.FaqEntryId);
        var answered = Assert.Single(events, e => e.Name == OutcomeEventNames.FaqAnswered);
        Assert.Equal("kb-047", answered.FaqEntryId);
        Assert.InRange(answered.Score!.Value, 0.4, 0.95);
        Assert.Empty(events.Where(e => e.Name == OutcomeEventNames.FaqUnanswered));
    }

    [Fact]
    public async Task None_of_these_records_the_question_as_unanswered_and_routes_to_a_coach()
    {
        await using var h = new JourneyHarness();
        await h.Start(h.Conversation())
            .BotSaysAnything()
            .Send(JourneyHarness.WithVisitor("export", type: "customer"))
            .BotSaysAnything()
            .Send("2")
            .AssertReply(a => Assert.Equal(h.Faq.FindEntry("kb-047")!.Answer, a.AsMessageActivity().Text))
            .BotSaysAnything()
            .NothingMore()
            .StartTestAsync();

        await using var again = new JourneyHarness();
        await again.Start(again.Conversation())
            .BotSaysAnything()
            .Send(JourneyHarness.WithVisitor("export", type: "customer"))
            .BotSaysAnything()
            .Send(JourneyTexts.NoneOfThese)
            .Bot(JourneyTexts.CoachCanHelp)
            .Bot(RecordingHandoffRequester.Queued("support"))
            .NothingMore()
            .StartTestAsync();
        var unanswered = Assert.Single(again.Events.Named(OutcomeEventNames.FaqUnanswered));
        Assert.Equal("export", unanswered.Question);
        Assert.Equal("support", Assert.Single(again.Handoff.Requests).Request.Team);
    }
}
