using ChatBot.Dialogs.Prospects;
using ChatBot.Handoff.Events;

namespace ChatBot.Tests.Prospects;

/// <summary>Documented questions, follow-ups, "did that answer", and the "did you mean" of a near miss.</summary>
public class FaqJourneyTests
{
    private const string AddUser = "How do I add a user to my portal?";
    // Follow-ups show the entries' short labels (Web Chat cuts long buttons) and send the full question.
    private static readonly string[] AddUserReplies =
        [JourneyTexts.Yes, JourneyTexts.No, "Change a user's permissions", "How do I buy more paid seats?", "Remove a user from my portal"];

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
    public async Task Question_buttons_have_short_titles_and_send_the_full_question()
    {
        await using var h = new JourneyHarness();
        await h.Start(h.Conversation())
            .BotSaysAnything()
            .Send(AddUser).BotSaysAnything()
            .AssertReply(a =>
            {
                var actions = a.AsMessageActivity().SuggestedActions.Actions;
                Assert.All(actions, action => Assert.InRange(action.Title.Length, 1, 30));
                Assert.Equal(
                    [JourneyTexts.Yes, JourneyTexts.No, "How do I change a user's permissions?", "How do I buy more paid seats?", "How do I remove a user from my portal?"],
                    actions.Select(action => (string)action.Value));
            })
            // Tapping a short title sends the full question, which the knowledge base answers.
            .Send("How do I change a user's permissions?")
            .AssertReply(a => Assert.Equal(h.Faq.FindEntry("kb-009")!.Answer, a.AsMessageActivity().Text))
            .BotSaysAnything()
            .NothingMore()
            .StartTestAsync();
    }

    [Theory]
    [InlineData("idk")]
    [InlineData("not sure")]
    [InlineData("sort of")]
    public async Task Not_sure_at_did_that_answer_offers_the_team_and_the_related_questions(string reply)
    {
        await using var h = new JourneyHarness();
        await h.Start(h.Conversation())
            .BotSaysAnything()
            .Send(AddUser).BotSaysAnything().BotSaysAnything()
            .Send(reply)
            .Bot("No problem. Would you like to talk to someone from our support team, or try one of the related questions?",
                JourneyTexts.YesPlease, JourneyTexts.NoThanks, "Change a user's permissions", "How do I buy more paid seats?", "Remove a user from my portal")
            .Send("How do I remove a user from my portal?")
            .AssertReply(a => Assert.Equal(h.Faq.FindEntry("kb-008")!.Answer, a.AsMessageActivity().Text))
            .BotSaysAnything()
            .NothingMore()
            .StartTestAsync();

        await using var again = new JourneyHarness();
        await again.Start(again.Conversation())
            .BotSaysAnything()
            .Send(AddUser).BotSaysAnything().BotSaysAnything()
            .Send(reply).BotSaysAnything()
            .Send(JourneyTexts.YesPlease).Bot(RecordingHandoffRequester.Queued("support"))
            .NothingMore()
            .StartTestAsync();
    }

    [Fact]
    public async Task The_same_answer_is_not_repeated_back_to_back()
    {
        await using var h = new JourneyHarness();
        await h.Start(h.Conversation())
            .BotSaysAnything()
            .Send(JourneyHarness.WithVisitor("Pricing", type: "customer"))
            .AssertReply(a => Assert.Equal(h.Faq.FindEntry("kb-001")!.Answer, a.AsMessageActivity().Text))
            .Bot(JourneyTexts.DidThatAnswer)
            .Send("Pricing")
            .Bot("That's in my answer just above. If it didn't cover what you need, would you like to talk to someone from our sales team?",
                JourneyTexts.YesPlease, JourneyTexts.NoThanks)
            .Send(JourneyTexts.YesPlease).Bot(RecordingHandoffRequester.Queued("sales"))
            .NothingMore()
            .StartTestAsync();
        Assert.Single(h.Events.Named(OutcomeEventNames.FaqAnswered));
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
            .Bot(JourneyTexts.DidThatAnswer, JourneyTexts.Yes, JourneyTexts.No, "Add a user to my portal", "How do I buy more paid seats?")
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
