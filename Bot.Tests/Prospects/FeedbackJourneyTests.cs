using ChatBot.Dialogs.Prospects;
using ChatBot.Handoff.Events;

namespace ChatBot.Tests.Prospects;

/// <summary>The CSAT question: after a need the bot resolved or a chat a coach ended, never twice, however answered.</summary>
public class FeedbackJourneyTests
{
    [Fact]
    public async Task The_bot_is_rated_once_and_a_coach_chat_once_more_whatever_came_before()
    {
        await using var h = new JourneyHarness();
        await h.Start(h.Conversation())
            .BotSaysAnything()
            .Send("How do I reset my password?").BotSaysAnything().Bot(JourneyTexts.DidThatAnswer)
            .Send("yes").Bot(FeedbackDialog.Question)
            .Send("👍").Bot(JourneyTexts.FeedbackPositiveComment, JourneyTexts.Skip)
            .Send("Skip").Bot(JourneyTexts.FeedbackThanks)
            .Send("How do I export my contacts?").BotSaysAnything().Bot(JourneyTexts.DidThatAnswer)
            .Send("yes thanks").Bot(JourneyTexts.GladItHelped)
            // A coach ends a chat later in the same conversation: the coach's chat is rated too, once.
            .Send(JourneyHarness.CoachEnded()).Bot(FeedbackDialog.Question)
            .Send("👎").Bot(JourneyTexts.FeedbackNegativeComment, JourneyTexts.Skip)
            .Send("Skip").Bot(JourneyTexts.FeedbackThanks)
            .Send(JourneyHarness.CoachEnded()).Bot(JourneyTexts.AnythingElse().Text)
            .NothingMore()
            .StartTestAsync();

        Assert.Equal([(true, false), (false, true)], h.Events.Named(OutcomeEventNames.CsatGiven).Select(e => (e.Positive, e.CoachHandled)));
    }

    [Fact]
    public async Task A_chat_a_coach_ended_gets_the_question_with_coach_handled_and_a_comment_is_kept_out_of_the_events()
    {
        await using var h = new JourneyHarness();
        await h.Start(h.Conversation())
            .BotSaysAnything()
            .Send("talk to a person").Bot(RecordingHandoffRequester.Queued("sales"))
            .Send(JourneyHarness.CoachEnded(outcome: "qualified")).Bot(FeedbackDialog.Question, JourneyTexts.ThumbsUp, JourneyTexts.ThumbsDown)
            .Send("not really").Bot(JourneyTexts.FeedbackNegativeComment)
            // Only what is true: the comment stays with this chat (its transcript), nobody was sent anything.
            .Send("Dana was nice but I waited too long").Bot("Thanks, your comment is saved with this chat.")
            .NothingMore()
            .StartTestAsync();

        var csat = Assert.Single(h.Events.Named(OutcomeEventNames.CsatGiven));
        Assert.Equal((false, true), (csat.Positive, csat.CoachHandled));
        Assert.All(h.Events.Events, e => Assert.Null(e.Question));
        var flags = await FlagsAsync(h, "conversation-1");
        Assert.Equal("Dana was nice but I waited too long", flags.FeedbackComment);
        Assert.Equal(false, flags.FeedbackPositive);
    }

    [Fact]
    public async Task A_handoff_that_ended_without_a_coach_gets_no_feedback_question()
    {
        await using var h = new JourneyHarness();
        await h.Start(h.Conversation())
            .BotSaysAnything()
            .Send("talk to a person").BotSaysAnything()
            .Send(JourneyHarness.CoachEnded(outcome: "missed", coachHandled: false)).Bot(JourneyTexts.AnythingElse().Text)
            .NothingMore()
            .StartTestAsync();
        Assert.Empty(h.Events.Named(OutcomeEventNames.CsatGiven));
        Assert.False((await FlagsAsync(h, "conversation-1")).FeedbackAsked);
    }

    [Fact]
    public async Task A_new_question_instead_of_feedback_is_answered_and_feedback_is_not_asked_again()
    {
        await using var h = new JourneyHarness();
        await h.Start(h.Conversation())
            .BotSaysAnything()
            .Send("How do I reset my password?").BotSaysAnything().BotSaysAnything()
            .Send("yes").Bot(FeedbackDialog.Question)
            .Send("How do I turn on two-factor authentication?")
            .AssertReply(a => Assert.Equal(h.Faq.FindEntry("kb-060")!.Answer, a.AsMessageActivity().Text))
            .Bot(JourneyTexts.DidThatAnswer)
            .Send("yes").Bot(JourneyTexts.GladItHelped)
            .NothingMore()
            .StartTestAsync();
        Assert.Empty(h.Events.Named(OutcomeEventNames.CsatGiven));
    }

    [Fact]
    public async Task A_question_at_the_comment_step_ends_the_feedback_and_is_answered_in_the_same_turn()
    {
        await using var h = new JourneyHarness();
        await h.Start(h.Conversation())
            .BotSaysAnything()
            .Send("talk to a person").Bot(RecordingHandoffRequester.Queued("sales"))
            .Send(JourneyHarness.CoachEnded()).Bot(FeedbackDialog.Question)
            .Send("👍").Bot(JourneyTexts.FeedbackPositiveComment)
            .Send("How do I add a user to my portal?")
            .AssertReply(a => Assert.Equal(h.Faq.FindEntry("kb-007")!.Answer, a.AsMessageActivity().Text))
            .Bot(JourneyTexts.DidThatAnswer)
            .Send("yes").Bot(JourneyTexts.GladItHelped)
            .NothingMore()
            .StartTestAsync();
        var flags = await FlagsAsync(h, "conversation-1");
        Assert.Null(flags.FeedbackComment);
        Assert.Equal(true, Assert.Single(h.Events.Named(OutcomeEventNames.CsatGiven)).Positive);
    }

    [Fact]
    public async Task Small_talk_at_the_comment_step_is_not_a_comment()
    {
        await using var h = new JourneyHarness();
        await h.Start(h.Conversation())
            .BotSaysAnything()
            .Send("How do I reset my password?").BotSaysAnything().BotSaysAnything()
            .Send("yes").Bot(FeedbackDialog.Question)
            .Send("👍").Bot(JourneyTexts.FeedbackPositiveComment)
            .Send("ok thanks, bye").Bot("Thanks for stopping by. I'm here if you need anything else.")
            .NothingMore()
            .StartTestAsync();
        Assert.Null((await FlagsAsync(h, "conversation-1")).FeedbackComment);
    }

    private static async Task<ConversationFlags> FlagsAsync(JourneyHarness h, string conversationId)
    {
        var key = $"{JourneyHarness.Channel}/conversations/{conversationId}";
        var items = await h.Storage.ReadAsync(new[] { key });
        return (ConversationFlags)((IDictionary<string, object>)items[key])["JourneyFlags"];
    }
}
