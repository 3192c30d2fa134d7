using ChatBot.Dialogs.Faq;

namespace ChatBot.Tests.Faq;

public class FaqKnowledgeBaseLoaderTests
{
    private const string Valid = """
        [
          {"id": "a", "category": "c", "team": "support", "questions": ["How do I reset my password?", "forgot password"], "answer": "Use the link.", "followUps": ["b"]},
          {"id": "b", "category": "c", "team": "sales", "questions": ["What does it cost?"], "answer": "$20."}
        ]
        """;

    [Fact]
    public void Shipped_knowledge_base_loads_without_problems()
    {
        var result = FaqKnowledgeBaseLoader.Load(FaqTestSupport.ShippedKnowledgeBasePath);

        Assert.True(result.Succeeded, string.Join("\n", result.Problems));
        Assert.Equal(80, result.KnowledgeBase!.Entries.Count);
        var entry = result.KnowledgeBase.Find("kb-007")!;
        Assert.Equal("How do I add a user to my portal?", entry.Questions[0]);
        Assert.Equal("support", entry.Team);
        Assert.NotEmpty(entry.Answer);
    }

    [Fact]
    public void Every_shipped_entry_fits_a_button()
    {
        var entries = FaqKnowledgeBaseLoader.Load(FaqTestSupport.ShippedKnowledgeBasePath).KnowledgeBase!.Entries;
        Assert.All(entries, e => Assert.InRange(e.ButtonTitle.Length, 1, FaqEntry.MaxLabelLength));
        var kb004 = entries.Single(e => e.Id == "kb-004");
        Assert.Equal(("Starter vs Professional", "What's the difference between Starter and Professional?"), (kb004.ButtonTitle, kb004.CanonicalQuestion));
    }

    [Theory]
    [InlineData("How do I reset my password?", "How do I reset my password?")]
    [InlineData("How do I import contacts from a CSV file?", "How do I import contacts from…")]
    public void Without_a_label_a_long_question_is_cut_at_a_word(string question, string title)
    {
        Assert.Equal(title, FaqEntry.ShortTitle(question));
        Assert.True(title.Length <= FaqEntry.MaxLabelLength);
    }

    [Fact]
    public void A_label_too_long_for_a_button_is_a_problem()
    {
        var json = """
            [{"id": "a", "category": "c", "team": "support", "questions": ["How do I reset my password?"], "label": "Resetting the password of your own user account", "answer": "Use the link."},
             {"id": "b", "category": "c", "team": "support", "questions": ["What does it cost?"], "label": " ", "answer": "$20."}]
            """;
        var result = FaqKnowledgeBaseLoader.Parse(json, "test");
        Assert.False(result.Succeeded);
        Assert.Contains("a: label must be 1 to 30 characters, found \"Resetting the password of your own user account\"", result.Problems);
        Assert.Contains(result.Problems, p => p.StartsWith("b: label must be 1 to 30 characters", StringComparison.Ordinal));
    }

    [Fact]
    public void Valid_file_gives_entries_and_missing_follow_ups_become_empty()
    {
        var result = FaqKnowledgeBaseLoader.Parse(Valid, "test");

        Assert.True(result.Succeeded);
        Assert.Equal(["a", "b"], result.KnowledgeBase!.Entries.Select(e => e.Id));
        Assert.Equal(["b"], result.KnowledgeBase.Find("a")!.FollowUps);
        Assert.Empty(result.KnowledgeBase.Find("b")!.FollowUps);
    }

    [Fact]
    public void Each_problem_is_one_line_naming_the_entry()
    {
        const string json = """
            [
              {"id": "a", "category": "c", "team": "support", "questions": ["How do I reset my password?"], "answer": "x", "followUps": ["zzz"]},
              {"id": "a", "category": "c", "team": "support", "questions": ["Another question"], "answer": "y"},
              {"id": "b", "category": "c", "team": "support", "questions": ["how do i reset my password"], "answer": "  "},
              {"id": "c", "category": "c", "team": "marketing", "questions": [], "answer": "z"},
              {"id": "", "category": "c", "team": "support", "questions": ["q"], "answer": "z"}
            ]
            """;

        var result = FaqKnowledgeBaseLoader.Parse(json, "test");

        Assert.False(result.Succeeded);
        Assert.Null(result.KnowledgeBase);
        Assert.Contains("a: duplicate id", result.Problems);
        Assert.Contains("b: empty answer", result.Problems);
        Assert.Contains("a: follow-up \"zzz\" is not an entry", result.Problems);
        Assert.Contains("b: question \"how do i reset my password\" is also listed under a", result.Problems);
        Assert.Contains("c: no questions", result.Problems);
        Assert.Contains("c: team must be \"sales\" or \"support\", found \"marketing\"", result.Problems);
        Assert.Contains("entry #5: missing id", result.Problems);
        Assert.All(result.Problems, p => Assert.DoesNotContain('\n', p));
    }

    [Theory]
    [InlineData("{\"id\": \"a\"}")]
    [InlineData("[{\"id\": \"a\",]")]
    [InlineData("not json at all")]
    [InlineData("")]
    public void Malformed_json_is_one_clear_problem(string json)
    {
        var result = FaqKnowledgeBaseLoader.Parse(json, "kb.json");

        Assert.False(result.Succeeded);
        var problem = Assert.Single(result.Problems);
        Assert.StartsWith("kb.json is not a valid knowledge base", problem);
    }

    [Fact]
    public void Empty_array_and_missing_file_are_problems()
    {
        Assert.Equal(["kb.json has no entries"], FaqKnowledgeBaseLoader.Parse("[]", "kb.json").Problems);

        var missing = FaqKnowledgeBaseLoader.Load(Path.Combine(FaqTestSupport.TempDirectory(), "nope.json"));
        Assert.StartsWith("cannot read", Assert.Single(missing.Problems));
    }

    [Fact]
    public void Qna_maker_tsv_export_is_grouped_by_answer()
    {
        var result = FaqKnowledgeBaseLoader.Load(FaqTestSupport.Fixture("qna-export.tsv"));

        Assert.True(result.Succeeded, string.Join("\n", result.Problems));
        var entries = result.KnowledgeBase!.Entries;
        Assert.Equal(3, entries.Count);

        var password = entries[0];
        Assert.Equal("qna-1", password.Id);
        Assert.Equal(["How do I reset my password?", "forgot my password"], password.Questions);
        Assert.Equal("Click **Forgot password** on the sign-in page.\nThen follow the link.", password.Answer);
        Assert.Equal("account", password.Category);
        Assert.Equal("support", password.Team);
        Assert.Equal(["qna-2"], password.FollowUps);

        Assert.Equal(("security", "support"), (entries[1].Category, entries[1].Team));
        Assert.Equal(["What does it cost?", "How much is it?"], entries[2].Questions);
        Assert.Equal(("general", "sales"), (entries[2].Category, entries[2].Team));
    }

    [Fact]
    public void Tsv_without_header_or_with_empty_answer_is_rejected()
    {
        var dir = FaqTestSupport.TempDirectory();
        var noHeader = Path.Combine(dir, "a.tsv");
        File.WriteAllText(noHeader, "How much?\t$20\n");
        Assert.Contains("header", Assert.Single(FaqKnowledgeBaseLoader.Load(noHeader).Problems));

        var emptyAnswer = Path.Combine(dir, "b.tsv");
        File.WriteAllText(emptyAnswer, "Question\tAnswer\nHow much?\t$20\nFree plan?\t \n");
        var result = FaqKnowledgeBaseLoader.Load(emptyAnswer);
        Assert.False(result.Succeeded);
        Assert.Equal("TSV line 3: empty answer for question \"Free plan?\"", Assert.Single(result.Problems));
    }
}
