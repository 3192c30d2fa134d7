using System.Text.RegularExpressions;

namespace ChatBot.Dialogs.Faq;

/// <summary>
/// Okapi BM25 over the knowledge base, one document per entry (all its phrasings together), with typo
/// tolerance: a query word the knowledge base does not know is replaced by the known word one edit away
/// (two for long words). Small and in memory: 80 entries score in microseconds.
/// </summary>
public sealed class Bm25Index
{
    private const double K1 = 1.2;
    private const double B = 0.75;
    /// <summary>A corrected word counts a little less than one spelled right: the correction may be wrong.</summary>
    private const double TypoWeight = 0.8;

    private readonly Dictionary<string, List<(int Doc, int Tf)>> _postings = new(StringComparer.Ordinal);
    private readonly int[] _docLength;
    private readonly double _avgLength;
    /// <summary>Every surface word of the knowledge base (questions and answers), for coverage and typo correction.</summary>
    private readonly HashSet<string> _knownWords = new(StringComparer.Ordinal);
    private readonly HashSet<string> _knownStems = new(StringComparer.Ordinal);
    private readonly string[] _knownWordList;

    public Bm25Index(IReadOnlyList<string> documents, IEnumerable<string> extraVocabulary)
    {
        _docLength = new int[documents.Count];
        for (var d = 0; d < documents.Count; d++)
        {
            var terms = TextAnalyzer.Terms(documents[d]);
            _docLength[d] = terms.Count;
            foreach (var group in terms.GroupBy(t => t, StringComparer.Ordinal))
            {
                if (!_postings.TryGetValue(group.Key, out var list))
                {
                    _postings[group.Key] = list = [];
                }
                list.Add((d, group.Count()));
            }
            foreach (var w in TextAnalyzer.Words(documents[d]))
            {
                _knownWords.Add(w);
            }
        }
        foreach (var text in extraVocabulary)
        {
            foreach (var w in TextAnalyzer.Words(text))
            {
                _knownWords.Add(w);
            }
        }
        foreach (var w in _knownWords)
        {
            _knownStems.Add(TextAnalyzer.Stem(w));
        }
        // Stop words are candidates too: "thier" should become "their" (and then be dropped), not "tier".
        _knownWordList = [.. _knownWords.Where(w => w.Length >= 3)];
        _avgLength = documents.Count == 0 ? 1 : Math.Max(1, _docLength.Average());
        MaxIdf = Idf(0);
    }

    public int DocumentCount => _docLength.Length;
    private double MaxIdf { get; }

    private double Idf(int df) => Math.Log(1 + (DocumentCount - df + 0.5) / (df + 0.5));

    /// <summary>
    /// Scores every document. Each score is normalised by the sum of the query terms' idf (an unknown word
    /// counts as the rarest term), so 1 means every content word of the question matched about once: the
    /// score says how much of the question the entry explains, not only which entry explains most.
    /// </summary>
    public Bm25Scores Score(string query)
    {
        var scores = new double[DocumentCount];
        var words = TextAnalyzer.Words(query).Where(w => !TextAnalyzer.IsStopWord(w)).Take(256).ToList();
        if (words.Count == 0)
        {
            return new Bm25Scores(scores, 0, 0, query);
        }

        double idfTotal = 0;
        var known = 0;
        var corrected = new Dictionary<string, string>(StringComparer.Ordinal);
        foreach (var word in words)
        {
            var weight = 1.0;
            var stem = TextAnalyzer.Stem(word);
            if (_knownWords.Contains(word) || _knownStems.Contains(stem))
            {
                known++;
            }
            else if (Correct(word) is { } fix)
            {
                known++;
                corrected[word] = fix;
                if (TextAnalyzer.IsStopWord(fix))
                {
                    continue;
                }
                stem = TextAnalyzer.Stem(fix);
                weight = TypoWeight;
            }

            if (!_postings.TryGetValue(stem, out var postings))
            {
                idfTotal += MaxIdf;
                continue;
            }
            var idf = Idf(postings.Count);
            idfTotal += idf;
            foreach (var (doc, tf) in postings)
            {
                var norm = tf * (K1 + 1) / (tf + K1 * (1 - B + B * _docLength[doc] / _avgLength));
                scores[doc] += weight * idf * norm;
            }
        }
        for (var d = 0; d < scores.Length; d++)
        {
            scores[d] = Math.Min(1, scores[d] / idfTotal);
        }
        // Only the misspelt words change: case and punctuation still help the embedding.
        var correctedText = corrected.Aggregate(query, (text, fix) =>
            Regex.Replace(text, $@"\b{Regex.Escape(fix.Key)}\b", fix.Value, RegexOptions.IgnoreCase | RegexOptions.CultureInvariant));
        return new Bm25Scores(scores, (double)known / words.Count, words.Count, correctedText);
    }

    /// <summary>
    /// The known word closest to a misspelt one, or null when none is close enough or two tie. Without an
    /// English dictionary a real word the knowledge base lacks ("talk", "grow") looks like a typo, so the
    /// rules are strict: five letters or more, one edit (two from ten letters), and the same first letter,
    /// which people rarely get wrong ("pasword", "dashbaord", "improt").
    /// </summary>
    private string? Correct(string word)
    {
        if (word.Length < 5 || !word.All(char.IsLetter))
        {
            return null;
        }
        var max = word.Length >= 10 ? 2 : 1;
        string? best = null;
        var bestDistance = max + 1;
        var tie = false;
        foreach (var candidate in _knownWordList)
        {
            if (candidate[0] != word[0])
            {
                continue;
            }
            var d = TextAnalyzer.EditDistance(word, candidate, max);
            if (d < bestDistance)
            {
                (best, bestDistance, tie) = (candidate, d, false);
            }
            else if (d == bestDistance && best != null && TextAnalyzer.Stem(candidate) != TextAnalyzer.Stem(best))
            {
                tie = true;
            }
        }
        return tie ? null : best;
    }
}

/// <param name="Scores">Per document, normalised to 0..1.</param>
/// <param name="Coverage">Share of the query's content words the knowledge base knows (after typo correction).</param>
/// <param name="ContentWords">How many content words the query has.</param>
/// <param name="CorrectedText">The query with misspelt words replaced by the known words they were matched to.</param>
public sealed record Bm25Scores(double[] Scores, double Coverage, int ContentWords, string CorrectedText);
