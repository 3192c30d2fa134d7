using ChatBot.Dialogs.Faq;
using ChatBot.Tests.Infrastructure;

namespace ChatBot.Tests.Faq;

/// <summary>
/// The shipped knowledge base indexed once with the real MiniLM model for the whole test run (the model and
/// the 400 phrasing embeddings take a few seconds; every test that needs them shares them).
/// </summary>
public static class FaqTestSupport
{
    private static readonly Lazy<FaqIndex> ShippedIndex = new(() =>
    {
        var load = FaqKnowledgeBaseLoader.Load(ShippedKnowledgeBasePath);
        Assert.True(load.Succeeded, string.Join("\n", load.Problems));
        return FaqIndex.Build(load.KnowledgeBase!, MiniLmEmbedder.Shared);
    });

    /// <summary>The copy of kb.json the product ships (Dialogs/Faq/Data/kb.json, copied to the output as Faq/kb.json).</summary>
    public static string ShippedKnowledgeBasePath => FaqKnowledgeBaseFile.ResolvePath("Faq/kb.json");

    public static FaqIndex Shipped => ShippedIndex.Value;

    public static FaqRecognizer Recognizer(FaqOptions? options = null, FaqMatchMode mode = FaqMatchMode.Hybrid) =>
        new(new FixedFaqIndexSource(Shipped), options ?? new FaqOptions(), mode);

    public static string Fixture(string name) => TestPaths.Fixture("faq", name);

    public static string TempDirectory()
    {
        var dir = Path.Combine(Path.GetTempPath(), "chatbot-tests", "faq-" + Guid.NewGuid().ToString("N"));
        Directory.CreateDirectory(dir);
        return dir;
    }
}

/// <summary>
/// A stand-in for MiniLM where only the file handling or the decision rules are under test: a hashed bag of
/// words, L2-normalised, so identical texts have cosine 1 and texts sharing no word have cosine 0.
/// </summary>
public sealed class BagOfWordsEmbedder : ISentenceEmbedder
{
    public const int Dimensions = 64;
    public int Calls { get; private set; }

    public float[][] Embed(IReadOnlyList<string> sentences, CancellationToken cancellationToken = default)
    {
        Calls++;
        return sentences.Select(s =>
        {
            var v = new float[Dimensions];
            foreach (var w in TextAnalyzer.Words(s))
            {
                v[(int)((uint)StringComparer.Ordinal.GetHashCode(w) % Dimensions)] += 1;
            }
            var norm = MathF.Sqrt(v.Sum(x => x * x));
            return norm == 0 ? v : v.Select(x => x / norm).ToArray();
        }).ToArray();
    }
}
