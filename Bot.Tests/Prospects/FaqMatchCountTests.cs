using ChatBot.Dialogs.Faq;
using ChatBot.Dialogs.Prospects;
using Microsoft.Bot.Builder;

namespace ChatBot.Tests.Prospects;

/// <summary>Issue 9: every free-text message costs one FAQ match (about 5 ms of embedding), never two, and small talk none.</summary>
public class FaqMatchCountTests
{
    [Fact]
    public async Task Each_question_is_matched_once_whatever_prompt_it_interrupts_and_small_talk_not_at_all()
    {
        CountingRecognizer? counting = null;
        await using var h = new JourneyHarness(faq: real => counting = new CountingRecognizer(real));
        await h.Start(h.Conversation())
            .BotSaysAnything()
            .Send("hi").BotSaysAnything()
            .Send("how can I get all my contacts out as a file")
            .BotSaysAnything().BotStartsWith(JourneyTexts.DidThatAnswer)
            // A new question at "did that answer?": the prompt hands it to MainDialog, which matches it once.
            .Send("how do I turn on two step verification")
            .BotSaysAnything().BotSaysAnything()
            .Send("thanks").BotSaysAnything()
            .Send("where do I get my invoices")
            .BotSaysAnything().BotSaysAnything()
            .StartTestAsync();

        Assert.Equal(
            ["how can I get all my contacts out as a file", "how do I turn on two step verification", "where do I get my invoices"],
            counting!.Questions);
    }

    private sealed class CountingRecognizer(IFaqRecognizer inner) : IFaqRecognizer
    {
        public List<string> Questions { get; } = [];

        public FaqKnowledgeBase KnowledgeBase => inner.KnowledgeBase;

        public FaqEntry? FindEntry(string id) => inner.FindEntry(id);

        public Task<FaqResult> MatchAsync(string question, int top = 3, CancellationToken cancellationToken = default)
        {
            lock (Questions)
            {
                Questions.Add(question);
            }
            return inner.MatchAsync(question, top, cancellationToken);
        }

        public Task<RecognizerResult> RecognizeAsync(ITurnContext turnContext, CancellationToken cancellationToken) => inner.RecognizeAsync(turnContext, cancellationToken);

        public Task<T> RecognizeAsync<T>(ITurnContext turnContext, CancellationToken cancellationToken) where T : IRecognizerConvert, new() =>
            inner.RecognizeAsync<T>(turnContext, cancellationToken);
    }
}
