namespace ChatBot.Dialogs.Faq;

/// <summary>
/// A knowledge base ready for matching: the BM25 index and the embedding of every phrasing and of the
/// out-of-scope anchors, all computed once at load. Immutable; a reload builds a new one and swaps it in.
/// </summary>
public sealed class FaqIndex
{
    private readonly ISentenceEmbedder _embedder;
    private readonly string[] _phrasings;
    private readonly int[] _phrasingEntry;
    private readonly float[][] _phrasingVectors;
    private readonly float[][] _anchorVectors;
    private readonly float[][] _answerVectors;
    private readonly Bm25Index _bm25;
    private readonly Dictionary<string, int> _exact = new(StringComparer.Ordinal);

    private FaqIndex(FaqKnowledgeBase kb, ISentenceEmbedder embedder, string[] phrasings, int[] phrasingEntry,
        float[][] phrasingVectors, float[][] answerVectors, float[][] anchorVectors, Bm25Index bm25)
    {
        KnowledgeBase = kb;
        _embedder = embedder;
        _phrasings = phrasings;
        _phrasingEntry = phrasingEntry;
        _phrasingVectors = phrasingVectors;
        _anchorVectors = anchorVectors;
        _answerVectors = answerVectors;
        _bm25 = bm25;
        for (var p = 0; p < phrasings.Length; p++)
        {
            _exact.TryAdd(FaqKnowledgeBaseLoader.NormalizeQuestion(phrasings[p]), phrasingEntry[p]);
        }
    }

    public FaqKnowledgeBase KnowledgeBase { get; }

    /// <summary>Builds the index. Vectors of phrasings that <paramref name="previous"/> already embedded are reused,
    /// so a reload after a small edit costs only the changed phrasings.</summary>
    public static FaqIndex Build(FaqKnowledgeBase kb, ISentenceEmbedder embedder, FaqIndex? previous = null, CancellationToken cancellationToken = default)
    {
        var phrasings = new List<string>();
        var owner = new List<int>();
        for (var e = 0; e < kb.Entries.Count; e++)
        {
            foreach (var q in kb.Entries[e].Questions)
            {
                phrasings.Add(q);
                owner.Add(e);
            }
        }

        var reuse = previous != null && ReferenceEquals(previous._embedder, embedder);
        var known = new Dictionary<string, float[]>(StringComparer.Ordinal);
        if (reuse)
        {
            for (var i = 0; i < previous!._phrasings.Length; i++)
            {
                known[previous._phrasings[i]] = previous._phrasingVectors[i];
            }
            for (var i = 0; i < previous.KnowledgeBase.Entries.Count; i++)
            {
                known[previous.KnowledgeBase.Entries[i].Answer] = previous._answerVectors[i];
            }
        }
        var answers = kb.Entries.Select(e => e.Answer).ToList();
        var missing = phrasings.Concat(answers).Where(p => !known.ContainsKey(p)).Distinct(StringComparer.Ordinal).ToList();
        var fresh = missing.Count == 0 ? [] : embedder.Embed(missing, cancellationToken);
        for (var i = 0; i < missing.Count; i++)
        {
            known[missing[i]] = fresh[i];
        }
        var vectors = phrasings.Select(p => known[p]).ToArray();
        var answerVectors = answers.Select(a => known[a]).ToArray();
        var anchors = reuse ? previous!._anchorVectors : embedder.Embed(OutOfScopeAnchors.Phrasings, cancellationToken);

        var documents = kb.Entries.Select(e => string.Join(" \n ", e.Questions)).ToList();
        var bm25 = new Bm25Index(documents, kb.Entries.Select(e => e.Answer));
        return new FaqIndex(kb, embedder, [.. phrasings], [.. owner], vectors, answerVectors, anchors, bm25);
    }

    /// <summary>Raw per-entry signals for a question; <see cref="FaqDecider"/> turns them into a decision.</summary>
    /// <param name="answerWeight">Share of the semantic signal taken from the similarity to the entry's answer.</param>
    public FaqScores Score(string question, FaqMatchMode mode, double answerWeight, CancellationToken cancellationToken = default)
    {
        var count = KnowledgeBase.Entries.Count;
        var exact = _exact.GetValueOrDefault(FaqKnowledgeBaseLoader.NormalizeQuestion(question), -1);
        var lexical = _bm25.Score(question);
        var semantic = new double[count];
        var bestPhrasing = new int[count];
        Array.Fill(bestPhrasing, -1);
        double outOfScope = 0;
        double closestPhrasing = 0;

        if (mode != FaqMatchMode.Lexical)
        {
            // The typo-corrected text embeds better: word pieces of a misspelt word carry little meaning.
            var vector = _embedder.Embed([lexical.CorrectedText], cancellationToken)[0];
            Array.Fill(semantic, -1);
            for (var p = 0; p < _phrasings.Length; p++)
            {
                var s = Dot(vector, _phrasingVectors[p]);
                var e = _phrasingEntry[p];
                if (s > semantic[e])
                {
                    semantic[e] = s;
                    bestPhrasing[e] = p;
                }
            }
            foreach (var anchor in _anchorVectors)
            {
                outOfScope = Math.Max(outOfScope, Dot(vector, anchor));
            }
            for (var e = 0; e < count; e++)
            {
                closestPhrasing = Math.Max(closestPhrasing, semantic[e]);
                semantic[e] = Math.Max(0, (1 - answerWeight) * semantic[e] + answerWeight * Dot(vector, _answerVectors[e]));
            }
        }
        return new FaqScores(semantic, lexical.Scores, bestPhrasing, closestPhrasing, outOfScope, lexical.Coverage, lexical.ContentWords, lexical.CorrectedText) { ExactEntry = exact };
    }

    /// <summary>The phrasing of entry <paramref name="entry"/> that matched best, or its canonical question.</summary>
    public string Phrasing(int entry, int phrasing) =>
        phrasing >= 0 ? _phrasings[phrasing] : KnowledgeBase.Entries[entry].Questions.FirstOrDefault() ?? "";

    /// <summary>
    /// SIMD: a question is compared with every phrasing, anchor and answer (about 550 vectors of 384); the scalar loop
    /// took 174 µs per question here and this one 33-80 µs (it was 5.6% of the bot's busy samples on the FAQ mix). It
    /// sums in float lanes: at most 1.5e-7 apart from the scalar sum, far below any threshold (faq-eval: unchanged).
    /// </summary>
    private static double Dot(float[] a, float[] b)
    {
        var lanes = System.Numerics.Vector<float>.Count;
        var sums = System.Numerics.Vector<float>.Zero;
        var i = 0;
        for (; i <= a.Length - lanes; i += lanes)
        {
            sums += new System.Numerics.Vector<float>(a, i) * new System.Numerics.Vector<float>(b, i);
        }
        double sum = System.Numerics.Vector.Sum(sums);
        for (; i < a.Length; i++)
        {
            sum += a[i] * b[i];
        }
        return sum;
    }
}

/// <param name="Semantic">Per entry: best cosine over its phrasings blended with the cosine to its answer, at least 0 (all 0 in lexical mode).</param>
/// <param name="Lexical">Per entry: normalised BM25, 0..1.</param>
/// <param name="BestPhrasing">Per entry: index of the closest phrasing, -1 in lexical mode.</param>
/// <param name="ClosestPhrasing">Best cosine to any phrasing of any entry (0 in lexical mode).</param>
/// <param name="OutOfScope">Best cosine to an out-of-scope anchor (0 in lexical mode).</param>
/// <param name="Coverage">Share of the question's content words the knowledge base knows.</param>
/// <param name="CorrectedText">The question as embedded, after typo correction.</param>
public sealed record FaqScores(double[] Semantic, double[] Lexical, int[] BestPhrasing, double ClosestPhrasing, double OutOfScope, double Coverage, int ContentWords, string CorrectedText)
{
    /// <summary>The entry that lists the question itself (ignoring case, spacing and final punctuation), or -1.</summary>
    public int ExactEntry { get; init; } = -1;
}
