using ChatBot.Dialogs.Faq;
using Microsoft.Bot.Builder;
using Microsoft.Bot.Builder.Adapters;
using Microsoft.Bot.Schema;
using Newtonsoft.Json.Linq;

namespace ChatBot.Tests.Faq;

/// <summary>The hybrid recognizer on the shipped knowledge base with the real MiniLM model.</summary>
public class FaqRecognizerTests
{
    [Fact]
    public async Task Documented_question_is_answered_and_advice_is_not()
    {
        var recognizer = FaqTestSupport.Recognizer();

        var documented = await recognizer.MatchAsync("How do I add a user to my portal?");
        var advice = await recognizer.MatchAsync("How should an e-commerce business use email?");

        Assert.Equal(FaqDecision.Answer, documented.Decision);
        Assert.Equal("kb-007", documented.Top!.EntryId);
        Assert.Equal(FaqDecision.None, advice.Decision);
    }

    [Fact]
    public void Every_question_listed_in_the_knowledge_base_is_answered_by_its_entry()
    {
        var recognizer = FaqTestSupport.Recognizer();
        var failures = new List<string>();
        foreach (var entry in FaqTestSupport.Shipped.KnowledgeBase.Entries)
        {
            foreach (var question in entry.Questions)
            {
                var result = recognizer.Match(question, 1);
                if (result.Decision != FaqDecision.Answer || result.Top!.EntryId != entry.Id)
                {
                    failures.Add($"{entry.Id} \"{question}\": {result.Decision} {result.Top?.EntryId}");
                }
            }
        }
        Assert.Empty(failures);
    }

    [Fact]
    public void Paraphrase_with_a_typo_is_answered()
    {
        var result = FaqTestSupport.Recognizer().Match("how can i chnage my password", 3);

        Assert.Equal("kb-010", result.Top!.EntryId);
        Assert.NotEqual(FaqDecision.None, result.Decision);
        Assert.InRange(result.Top.Confidence, 0, 1);
        Assert.True(result.Top.Lexical > 0 && result.Top.Semantic > 0);
    }

    [Theory]
    [InlineData("")]
    [InlineData("   \t\n ")]
    public void Empty_or_whitespace_question_is_none_without_candidates(string question)
    {
        var result = FaqTestSupport.Recognizer().Match(question, 3);

        Assert.Equal(FaqDecision.None, result.Decision);
        Assert.Empty(result.Candidates);
    }

    [Theory]
    [InlineData("!!! ??? ...")]
    [InlineData("the and of to")]
    public void Question_without_content_words_is_none(string question)
    {
        Assert.Equal(FaqDecision.None, FaqTestSupport.Recognizer().Match(question, 3).Decision);
    }

    [Fact]
    public void Ten_thousand_character_question_does_not_crash_and_is_not_answered()
    {
        var words = new[] { "pricing", "password", "the", "weather", "portal", "zebra", "invoice", "quantum" };
        var text = string.Join(' ', Enumerable.Range(0, 2000).Select(i => words[i * 7 % words.Length]));
        text = text[..10_000];

        var result = FaqTestSupport.Recognizer().Match(text, 3);

        Assert.Equal(10_000, result.Question.Length);
        Assert.NotEqual(FaqDecision.Answer, result.Decision);
    }

    [Theory]
    [InlineData("今天天气怎么样？")]
    [InlineData("Где находится ближайшая аптека?")]
    [InlineData("مرحبا، كيف حالك؟")]
    [InlineData("🙂🙂🙂 🚀")]
    public void Non_english_text_is_none(string question)
    {
        Assert.Equal(FaqDecision.None, FaqTestSupport.Recognizer().Match(question, 3).Decision);
    }

    [Fact]
    public void A_documented_question_asked_in_Spanish_goes_to_a_person_rather_than_a_guess()
    {
        // "How do I reset my password": the model and the knowledge base are English, so no confident guess.
        var result = FaqTestSupport.Recognizer().Match("¿Cómo restablezco mi contraseña?", 3);

        Assert.Equal(FaqDecision.None, result.Decision);
    }

    [Fact]
    public void Top_is_validated_and_limits_the_candidates()
    {
        var recognizer = FaqTestSupport.Recognizer();

        Assert.Equal(5, recognizer.Match("How do I export my contacts?", 5).Candidates.Count);
        Assert.Throws<ArgumentOutOfRangeException>(() => recognizer.Match("x", 0));
        Assert.Throws<ArgumentOutOfRangeException>(() => recognizer.Match("x", FaqOptions.MaxTop + 1));
    }

    [Fact]
    public void Candidates_carry_the_entry_and_are_ranked_by_confidence()
    {
        var result = FaqTestSupport.Recognizer().Match("Is there a free plan?", 3);

        var top = result.Top!;
        Assert.Equal("kb-002", top.EntryId);
        Assert.Equal("Is there a free plan?", top.MatchedQuestion);
        Assert.Equal("sales", top.Team);
        Assert.Equal("pricing", top.Category);
        Assert.Equal(["kb-003", "kb-004", "kb-070"], top.FollowUps);
        Assert.StartsWith("Yes. The **Free** plan", top.Answer);
        Assert.Equal(result.Candidates.OrderByDescending(c => c.Confidence).Select(c => c.EntryId), result.Candidates.Select(c => c.EntryId));
    }

    [Fact]
    public void Concurrent_questions_get_the_same_results_as_one_at_a_time()
    {
        var recognizer = FaqTestSupport.Recognizer();
        var questions = new[] { "how do i cancel", "update my credit card", "api rate limit", "tell me a joke", "merge duplicates", "is my data safe" };
        var expected = questions.Select(q => recognizer.Match(q, 3)).ToList();

        var parallel = questions.SelectMany(_ => Enumerable.Range(0, 4), (q, _) => q).AsParallel().WithDegreeOfParallelism(4)
            .Select(q => (q, r: recognizer.Match(q, 3))).ToList();

        foreach (var (q, r) in parallel)
        {
            var e = expected[Array.IndexOf(questions, q)];
            Assert.Equal(e.Decision, r.Decision);
            Assert.Equal(e.Candidates.Select(c => (c.EntryId, c.Confidence)), r.Candidates.Select(c => (c.EntryId, c.Confidence)));
        }
    }

    [Fact]
    public async Task As_an_IRecognizer_it_fills_intents_entities_and_the_decision()
    {
        IRecognizer recognizer = FaqTestSupport.Recognizer(new FaqOptions { Top = 2 });
        var adapter = new TestAdapter();

        var answered = await Recognize(adapter, recognizer, "How do I get an API key?");
        var none = await Recognize(adapter, recognizer, "what's the capital of Peru");

        Assert.Equal("kb-077", answered.GetTopScoringIntent().intent);
        Assert.Equal("Answer", answered.Properties[FaqRecognizer.DecisionProperty]);
        var candidates = Assert.IsType<JArray>(answered.Entities[FaqRecognizer.CandidatesEntity]);
        Assert.Equal(2, candidates.Count);
        Assert.Equal("kb-077", (string?)candidates[0]["id"]);
        Assert.Contains("API", (string?)candidates[0]["answer"]);

        Assert.Equal(FaqRecognizer.NoneIntent, none.GetTopScoringIntent().intent);
        Assert.Equal("None", none.Properties[FaqRecognizer.DecisionProperty]);
    }

    private static async Task<RecognizerResult> Recognize(TestAdapter adapter, IRecognizer recognizer, string text)
    {
        var activity = MessageFactory.Text(text);
        activity.Conversation = new ConversationAccount(id: "c1");
        activity.From = new ChannelAccount("u1");
        activity.Recipient = new ChannelAccount("bot");
        activity.ChannelId = "test";
        using var turn = new TurnContext(adapter, activity);
        return await recognizer.RecognizeAsync(turn, CancellationToken.None);
    }
}
