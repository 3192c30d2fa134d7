using ChatBot.Dialogs.Faq;
using Microsoft.Extensions.Logging;

namespace ChatBot.Tests.Faq;

public class FaqReloadTests
{
    private static readonly TimeSpan WaitLimit = TimeSpan.FromSeconds(20);

    [Fact]
    public async Task Changed_file_is_reloaded_and_a_broken_one_keeps_the_last_good_knowledge_base()
    {
        var dir = FaqTestSupport.TempDirectory();
        var path = Path.Combine(dir, "kb.json");
        File.Copy(FaqTestSupport.Fixture("small-kb.json"), path);
        var logger = new ListLogger();
        using var file = new FaqKnowledgeBaseFile(
            Microsoft.Extensions.Options.Options.Create(new FaqOptions { KnowledgeBasePath = path, ReloadDebounceMs = 50 }), new BagOfWordsEmbedder(), logger);
        Assert.Equal(3, file.Current.KnowledgeBase.Entries.Count);

        // An edit adds an entry: picked up without a restart.
        var edited = File.ReadAllText(path).TrimEnd().TrimEnd(']') +
            """, {"id": "t-refund", "category": "billing", "team": "support", "questions": ["What is your refund policy?"], "answer": "Within 30 days."}]""";
        File.WriteAllText(path, edited);
        await WaitUntil(() => file.ReloadCount >= 1);
        Assert.NotNull(file.Current.KnowledgeBase.Find("t-refund"));
        var recognizer = new FaqRecognizer(file, new FaqOptions(), FaqMatchMode.Hybrid);
        Assert.Equal("t-refund", (await recognizer.MatchAsync("What is your refund policy?")).Top!.EntryId);

        // A broken edit is logged, one line per problem with the entry id, and ignored.
        File.WriteAllText(path, edited.Replace("\"answer\": \"Within 30 days.\"", "\"answer\": \"\""));
        await WaitUntil(() => logger.Lines.Any(l => l.Contains("t-refund: empty answer")));
        Assert.Contains(logger.Lines, l => l.Contains("keeping the last good knowledge base (4 entries)"));
        Assert.Equal(1, file.ReloadCount);
        Assert.Equal(4, file.Current.KnowledgeBase.Entries.Count);
        Assert.Equal("Within 30 days.", file.Current.KnowledgeBase.Find("t-refund")!.Answer);

        // Invalid JSON too.
        File.WriteAllText(path, "[{\"id\": ");
        await WaitUntil(() => logger.Lines.Count(l => l.Contains("keeping the last good knowledge base")) >= 2);
        Assert.Equal(4, file.Current.KnowledgeBase.Entries.Count);
    }

    [Fact]
    public void Reload_reuses_embeddings_of_unchanged_phrasings()
    {
        var dir = FaqTestSupport.TempDirectory();
        var path = Path.Combine(dir, "kb.json");
        File.Copy(FaqTestSupport.Fixture("small-kb.json"), path);
        var embedder = new BagOfWordsEmbedder();
        using var file = new FaqKnowledgeBaseFile(
            Microsoft.Extensions.Options.Options.Create(new FaqOptions { KnowledgeBasePath = path, WatchForChanges = false }), embedder, new ListLogger());
        _ = file.Current;
        var callsAfterLoad = embedder.Calls;

        Assert.Empty(file.Reload());

        // Nothing changed: no new batch to embed.
        Assert.Equal(callsAfterLoad, embedder.Calls);
        Assert.Equal(1, file.ReloadCount);
    }

    [Fact]
    public void Broken_file_at_start_gives_an_empty_knowledge_base_that_escalates_everything()
    {
        var dir = FaqTestSupport.TempDirectory();
        var path = Path.Combine(dir, "kb.json");
        File.WriteAllText(path, """[{"id": "x", "category": "c", "team": "support", "questions": ["q?"], "answer": "a", "followUps": ["missing"]}]""");
        var logger = new ListLogger();
        using var file = new FaqKnowledgeBaseFile(
            Microsoft.Extensions.Options.Options.Create(new FaqOptions { KnowledgeBasePath = path, WatchForChanges = false }), new BagOfWordsEmbedder(), logger);

        var recognizer = new FaqRecognizer(file, new FaqOptions(), FaqMatchMode.Hybrid);
        var result = recognizer.Match("q?", 3);

        Assert.Empty(file.Current.KnowledgeBase.Entries);
        Assert.Equal(FaqDecision.None, result.Decision);
        Assert.Contains(logger.Lines, l => l.Contains("x: follow-up \"missing\" is not an entry"));
    }

    private static async Task WaitUntil(Func<bool> condition)
    {
        var deadline = DateTime.UtcNow + WaitLimit;
        while (!condition())
        {
            Assert.True(DateTime.UtcNow < deadline, "the knowledge base file was not reloaded in time");
            await Task.Delay(50);
        }
    }

    private sealed class ListLogger : ILogger<FaqKnowledgeBaseFile>
    {
        private readonly List<string> _lines = [];

        public IReadOnlyList<string> Lines
        {
            get
            {
                lock (_lines)
                {
                    return [.. _lines];
                }
            }
        }

        public IDisposable? BeginScope<TState>(TState state) where TState : notnull => null;
        public bool IsEnabled(LogLevel logLevel) => true;

        public void Log<TState>(LogLevel logLevel, EventId eventId, TState state, Exception? exception, Func<TState, Exception?, string> formatter)
        {
            lock (_lines)
            {
                _lines.Add(formatter(state, exception));
            }
        }
    }
}
