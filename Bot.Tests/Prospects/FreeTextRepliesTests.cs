using ChatBot.Dialogs.Prospects;
using ChatBot.Handoff.Events;

namespace ChatBot.Tests.Prospects;

/// <summary>Yes, no and skip however they come: buttons, words, emoji, other languages.</summary>
public class FreeTextRepliesTests
{
    [Theory]
    [InlineData("Yes")]
    [InlineData("yes, thanks")]
    [InlineData("yep")]
    [InlineData("perfect, thanks!")]
    [InlineData("that helped")]
    [InlineData("👍")]
    [InlineData("👍🏽")]
    [InlineData("oui")]
    [InlineData("1")]
    public async Task Did_that_answer_yes(string reply)
    {
        await using var h = new JourneyHarness();
        await AnsweredAsync(h).Send(reply).Bot(FeedbackDialog.Question).StartTestAsync();
    }

    [Theory]
    [InlineData("No")]
    [InlineData("not really")]
    [InlineData("nope")]
    [InlineData("that didn't help")]
    [InlineData("👎")]
    [InlineData("2")]
    public async Task Did_that_answer_no(string reply)
    {
        await using var h = new JourneyHarness();
        await AnsweredAsync(h).Send(reply).Bot(JourneyTexts.OfferCoach("support")).StartTestAsync();
    }

    [Fact]
    public async Task Did_that_answer_skip_moves_on_without_feedback_or_a_coach()
    {
        await using var h = new JourneyHarness();
        await AnsweredAsync(h).Send("skip").Bot(JourneyTexts.AnythingElse().Text, JourneyTexts.StartingPoints.ToArray()).NothingMore().StartTestAsync();
        Assert.Empty(h.Handoff.Requests);
        Assert.Empty(h.Events.Named(OutcomeEventNames.CsatGiven));
    }

    [Theory]
    [InlineData("👍 Yes", true)]
    [InlineData("yes, thanks", true)]
    [InlineData("great, very helpful", true)]
    [InlineData("😊", true)]
    [InlineData("👎 No", false)]
    [InlineData("not really", false)]
    [InlineData("nah", false)]
    [InlineData("meh", false)]
    [InlineData("😞", false)]
    public async Task Feedback_positive_or_negative(string reply, bool positive)
    {
        await using var h = new JourneyHarness();
        await AnsweredAsync(h).Send("yes").Bot(FeedbackDialog.Question)
            .Send(reply).Bot(positive ? JourneyTexts.FeedbackPositiveComment : JourneyTexts.FeedbackNegativeComment)
            .NothingMore()
            .StartTestAsync();
        Assert.Equal(positive, Assert.Single(h.Events.Named(OutcomeEventNames.CsatGiven)).Positive);
    }

    [Theory]
    [InlineData("Skip")]
    [InlineData("skip")]
    [InlineData("no thanks")]
    [InlineData("nothing to add")]
    [InlineData("no")]
    public async Task The_feedback_comment_can_be_skipped(string reply)
    {
        await using var h = new JourneyHarness();
        await AnsweredAsync(h).Send("yes").BotSaysAnything().Send("👍").BotSaysAnything()
            .Send(reply).Bot(JourneyTexts.FeedbackThanks)
            .NothingMore()
            .StartTestAsync();
    }

    [Fact]
    public async Task The_feedback_question_itself_can_be_skipped()
    {
        await using var h = new JourneyHarness();
        await AnsweredAsync(h).Send("yes").BotSaysAnything().Send("skip").Bot(JourneyTexts.FeedbackSkipped).StartTestAsync();
        Assert.Empty(h.Events.Named(OutcomeEventNames.CsatGiven));
    }

    [Theory]
    [InlineData("Yes", true)]
    [InlineData("sure, go ahead", true)]
    [InlineData("ok", true)]
    [InlineData("No", false)]
    [InlineData("rather not", false)]
    [InlineData("skip", false)]
    public async Task Consent_yes_no_or_skip(string reply, bool consent)
    {
        await using var h = new JourneyHarness();
        await h.Start(h.Conversation())
            .BotSaysAnything()
            .Send("Pricing").BotSaysAnything().BotSaysAnything().BotSaysAnything()
            .Send("Sales").BotSaysAnything()
            .Send("40").BotSaysAnything()
            .Send("Sales pipeline").BotSaysAnything()
            .Send("This month").BotSaysAnything()
            .Send("kim@northwind.example.com").Bot(JourneyTexts.ConsentQuestion("kim@northwind.example.com"))
            .Send(reply).Bot(JourneyTexts.Qualified).Bot(RecordingHandoffRequester.Queued("sales"))
            .NothingMore()
            .StartTestAsync();
        Assert.Equal(consent, (await h.StoredProfileAsync())!.ContactConsent);
        Assert.Equal(consent ? "kim@northwind.example.com" : null, Assert.Single(h.Handoff.Requests).Request.VisitorEmail);
    }

    private static Microsoft.Bot.Builder.Adapters.TestFlow AnsweredAsync(JourneyHarness h) =>
        h.Start(h.Conversation())
            .BotSaysAnything()
            .Send("How do I reset my password?").BotSaysAnything().Bot(JourneyTexts.DidThatAnswer);
}
