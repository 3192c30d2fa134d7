using ChatBot.Dialogs.Faq;

namespace ChatBot.Tests.Faq;

/// <summary>The answer / clarify / none bands, on scores built by hand so each rule is hit exactly.</summary>
public class FaqDecisionBandTests
{
    private static readonly FaqIndex Index = FaqIndex.Build(
        FaqKnowledgeBaseLoader.Load(FaqTestSupport.Fixture("small-kb.json")).KnowledgeBase!, new BagOfWordsEmbedder());

    // Lexical only, so the confidence is exactly the lexical score given.
    private static readonly FaqOptions Options = new()
    {
        SemanticWeight = 0, LexicalWeight = 1, AnswerThreshold = 0.6, AnswerMargin = 0.1,
        ClarifyThreshold = 0.4, ClarifyFloor = 0.25, ClarifyLeadMargin = 0.1, OutOfScopeMargin = 0,
    };

    private static FaqScores Scores(double first, double second, double outOfScope = 0, double closestPhrasing = 0.5, int exact = -1) =>
        new([0, 0, 0], [first, second, 0], [-1, -1, -1], closestPhrasing, outOfScope, 1, 3, "q") { ExactEntry = exact };

    [Theory]
    [InlineData(0.90, 0.10, FaqDecision.Answer)]   // confident, clear lead
    [InlineData(0.60, 0.50, FaqDecision.Answer)]   // exactly on both thresholds
    [InlineData(0.90, 0.85, FaqDecision.Clarify)]  // confident but the runner-up is too close
    [InlineData(0.59, 0.00, FaqDecision.Clarify)]  // middling
    [InlineData(0.40, 0.39, FaqDecision.Clarify)]  // lowest clarify band
    [InlineData(0.30, 0.15, FaqDecision.Clarify)]  // weak, but a clear lead
    [InlineData(0.30, 0.25, FaqDecision.None)]     // weak and not clear
    [InlineData(0.24, 0.00, FaqDecision.None)]     // below the floor
    [InlineData(0.00, 0.00, FaqDecision.None)]
    public void Confidence_and_lead_pick_the_band(double first, double second, FaqDecision expected)
    {
        var result = FaqDecider.Decide("q", Index, Scores(first, second), Options, FaqMatchMode.Hybrid, 3);

        Assert.Equal(expected, result.Decision);
        if (first > 0)
        {
            Assert.Equal("t-password", result.Top!.EntryId);
            Assert.Equal(first, result.Top.Confidence, 4);
        }
    }

    [Fact]
    public void Closer_to_an_out_of_scope_example_than_to_any_faq_is_none()
    {
        var options = new FaqOptions { SemanticWeight = 0.5, LexicalWeight = 0.5, OutOfScopeMargin = -0.1 };
        var scores = new FaqScores([0.9, 0.1, 0], [1, 0, 0], [0, 3, -1], ClosestPhrasing: 0.9, OutOfScope: 0.81, 1, 3, "q");

        Assert.Equal(FaqDecision.None, FaqDecider.Decide("q", Index, scores, options, FaqMatchMode.Hybrid, 3).Decision);
        Assert.Equal(FaqDecision.Answer, FaqDecider.Decide("q", Index, scores with { OutOfScope = 0.79 }, options, FaqMatchMode.Hybrid, 3).Decision);
    }

    [Fact]
    public void A_listed_question_is_answered_whatever_the_scores()
    {
        var result = FaqDecider.Decide("q", Index, Scores(0.1, 0.1, outOfScope: 1, exact: 2), Options, FaqMatchMode.Hybrid, 3);

        Assert.Equal(FaqDecision.Answer, result.Decision);
        Assert.Equal("t-price", result.Top!.EntryId);
        Assert.Equal(1.0, result.Top.Confidence);
    }

    [Fact]
    public void The_decision_does_not_depend_on_how_many_candidates_are_asked_for()
    {
        var scores = Scores(0.9, 0.85);

        var one = FaqDecider.Decide("q", Index, scores, Options, FaqMatchMode.Hybrid, 1);
        var three = FaqDecider.Decide("q", Index, scores, Options, FaqMatchMode.Hybrid, 3);

        Assert.Single(one.Candidates);
        Assert.Equal(FaqDecision.Clarify, one.Decision);
        Assert.Equal(three.Decision, one.Decision);
    }

    [Theory]
    [InlineData(0.5, 0.6)]
    public void Options_validation_rejects_inconsistent_thresholds(double answer, double clarify)
    {
        var options = new FaqOptions { AnswerThreshold = answer, ClarifyThreshold = clarify };
        var errors = options.Validate(new System.ComponentModel.DataAnnotations.ValidationContext(options)).ToList();

        Assert.Contains(errors, e => e.ErrorMessage!.Contains("ClarifyThreshold"));
        Assert.Empty(new FaqOptions().Validate(new System.ComponentModel.DataAnnotations.ValidationContext(new FaqOptions())));
    }
}
