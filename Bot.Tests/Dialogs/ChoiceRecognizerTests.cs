using ChatBot.Dialogs.Choices;

namespace ChatBot.Tests.Dialogs;

public class ChoiceRecognizerTests
{
    private static readonly List<Choice> Plans = new()
    {
        new("Starter", "basic", "cheapest"),
        new("Professional"),
        new("Enterprise", "big company"),
    };

    private static readonly List<Choice> Regions = new()
    {
        new("Amérique du Nord"),
        new("Europe"),
        new("Asia Pacific", "apac"),
    };

    [Theory]
    [InlineData("Professional", 1)]
    [InlineData("professional", 1)]
    [InlineData("  PROFESSIONAL!! ", 1)]
    [InlineData("enterprise.", 2)]
    public void Exact_value_ignores_case_and_punctuation(string answer, int expected) =>
        AssertMatch(Plans, answer, expected, exactScore: true);

    [Theory]
    [InlineData("amerique du nord", 0)]
    [InlineData("Amérique du Nord", 0)]
    [InlineData("AMERIQUE DU NORD", 0)]
    public void Exact_value_ignores_accents(string answer, int expected) =>
        AssertMatch(Regions, answer, expected, exactScore: true);

    [Theory]
    [InlineData("basic", 0)]
    [InlineData("Cheapest", 0)]
    [InlineData("big company", 2)]
    [InlineData("APAC", 2)]
    public void Synonyms_select_their_choice(string answer, int expected)
    {
        var list = answer.Equals("apac", StringComparison.OrdinalIgnoreCase) ? Regions : Plans;
        AssertMatch(list, answer, expected, exactScore: true);
    }

    [Theory]
    [InlineData("the second one", 1)]
    [InlineData("second", 1)]
    [InlineData("2nd", 1)]
    [InlineData("the first", 0)]
    [InlineData("third one please", 2)]
    [InlineData("the last one", 2)]
    [InlineData("second to last", 1)]
    public void Ordinals_select_by_position(string answer, int expected) => AssertMatch(Plans, answer, expected);

    [Theory]
    [InlineData("2", 1)]
    [InlineData("#3", 2)]
    [InlineData("option 1", 0)]
    [InlineData("number two", 1)]
    [InlineData("(3)", 2)]
    [InlineData("one", 0)]
    public void Numbers_select_by_position(string answer, int expected) => AssertMatch(Plans, answer, expected);

    [Theory]
    [InlineData("4")]
    [InlineData("0")]
    [InlineData("the fifth one")]
    public void Positions_outside_the_list_are_not_matches(string answer) =>
        Assert.Null(ChoiceRecognizer.Recognize(answer, Plans).Match);

    [Theory]
    [InlineData("pro", 1)]
    [InlineData("Prof", 1)]
    [InlineData("ent", 2)]
    [InlineData("I'd like the pro plan", 1)]
    [InlineData("star", 0)]
    public void Unambiguous_partial_words_match(string answer, int expected)
    {
        var found = ChoiceRecognizer.Recognize(answer, Plans).Match;
        Assert.NotNull(found);
        Assert.Equal(expected, found.Index);
        Assert.True(found.Score < 1.0);
    }

    [Theory]
    [InlineData("I think Enterprise would suit us", 2)]
    [InlineData("we're a big company", 2)]
    [InlineData("europe please", 1)]
    public void A_choice_named_in_a_sentence_matches(string answer, int expected)
    {
        var list = answer.Contains("europe") ? Regions : Plans;
        Assert.Equal(expected, ChoiceRecognizer.Recognize(answer, list).Match?.Index);
    }

    [Theory]
    [InlineData("proffesional", 1)]
    [InlineData("entreprise", 2)]
    [InlineData("Startr", 0)]
    public void Small_typos_match(string answer, int expected) =>
        Assert.Equal(expected, ChoiceRecognizer.Recognize(answer, Plans).Match?.Index);

    [Fact]
    public void Ambiguous_partial_returns_all_candidates()
    {
        var choices = new List<Choice> { new("Starter"), new("Pro Monthly"), new("Pro Annual"), new("Enterprise") };
        var recognition = ChoiceRecognizer.Recognize("pro", choices);
        Assert.Null(recognition.Match);
        Assert.True(recognition.IsAmbiguous);
        Assert.Equal(new[] { 1, 2 }, recognition.Candidates);
    }

    [Fact]
    public void The_longer_named_choice_wins_over_the_one_it_contains()
    {
        var choices = new List<Choice> { new("Pro"), new("Pro Plus") };
        Assert.Equal(1, ChoiceRecognizer.Recognize("I want pro plus", choices).Match?.Index);
        Assert.Equal(0, ChoiceRecognizer.Recognize("pro", choices).Match?.Index);
    }

    [Fact]
    public void A_synonym_shared_by_two_choices_is_ambiguous()
    {
        var choices = new List<Choice> { new("Monthly", "flexible"), new("Annual", "flexible") };
        Assert.Equal(new[] { 0, 1 }, ChoiceRecognizer.Recognize("flexible", choices).Candidates);
    }

    [Theory]
    [InlineData("")]
    [InlineData("   ")]
    [InlineData("banana")]
    [InlineData("what do you recommend")]
    [InlineData(null)]
    public void Unrelated_answers_match_nothing(string? answer)
    {
        var recognition = ChoiceRecognizer.Recognize(answer, Plans);
        Assert.Null(recognition.Match);
        Assert.False(recognition.IsAmbiguous);
    }

    private static void AssertMatch(List<Choice> choices, string answer, int expected, bool exactScore = false)
    {
        var found = ChoiceRecognizer.Recognize(answer, choices).Match;
        Assert.NotNull(found);
        Assert.Equal(expected, found.Index);
        Assert.Equal(choices[expected].Value, found.Value);
        if (exactScore)
        {
            Assert.Equal(1.0, found.Score);
        }
    }

    private static readonly List<Choice> Sizes = new() { new("1-10"), new("11-50"), new("51-200"), new("200+") };

    [Theory]
    [InlineData("11-50", 1)]
    [InlineData("30", 1)]
    [InlineData("about 120 people", 2)]
    [InlineData("we are 5 people", 0)]
    [InlineData("1,500", 3)]
    [InlineData("fifty", 1)]
    [InlineData("1", 0)]
    public void A_quantity_picks_the_range_that_holds_it(string answer, int expected) =>
        Assert.Equal(expected, ChoiceRecognizer.Recognize(answer, Sizes).Match?.Index);

    [Fact]
    public void A_bare_number_that_is_both_a_position_and_a_quantity_is_ambiguous()
    {
        // "2": the second option (11-50) or two people (1-10)?
        var recognition = ChoiceRecognizer.Recognize("2", Sizes);
        Assert.Null(recognition.Match);
        Assert.Equal(new[] { 0, 1 }, recognition.Candidates);
        Assert.Equal(1, ChoiceRecognizer.Recognize("the second one", Sizes).Match?.Index);
        Assert.Equal(1, ChoiceRecognizer.Recognize("option 2", Sizes).Match?.Index);
    }
}
