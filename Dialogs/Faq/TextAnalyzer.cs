using System.Collections.Concurrent;
using System.Globalization;
using System.Text;
using Lucene.Net.Tartarus.Snowball.Ext;

namespace ChatBot.Dialogs.Faq;

/// <summary>
/// English analysis for the lexical signal: lower-case word tokens, question-style stop words removed,
/// Porter2 (Snowball English) stems. Stems are cached because FAQ vocabularies are small and queries repeat words.
/// </summary>
public static class TextAnalyzer
{
    /// <summary>Function words plus the scaffolding of questions ("how do I", "can you", "is there"), which say
    /// nothing about which entry is meant.</summary>
    private static readonly HashSet<string> StopWords = new(StringComparer.Ordinal)
    {
        "a", "an", "the", "and", "or", "but", "if", "then", "so", "of", "to", "in", "on", "at", "by", "for", "with",
        "from", "into", "about", "as", "is", "are", "was", "were", "be", "been", "being", "am", "do", "does", "did",
        "doing", "have", "has", "had", "having", "can", "could", "would", "should", "will", "shall", "may", "might",
        "must", "i", "me", "my", "mine", "we", "us", "our", "ours", "you", "your", "yours", "it", "its", "they",
        "them", "their", "he", "him", "his", "she", "her", "this", "that", "these", "those", "there", "here",
        "what", "whats", "which", "who", "whom", "how", "when", "where", "why", "any", "some", "just", "also",
        "please", "hi", "hello", "hey", "thanks", "thank", "im", "ive", "id", "dont", "thats", "theres", "youre", "isnt", "doesnt", "cant", "wont", "s", "t", "m", "ll", "re",
        "ve", "d", "get", "got", "want", "need", "like", "way", "again", "too",
        "very", "much", "really", "all", "up", "out", "one", "someone", "something",
    };

    private static readonly ConcurrentDictionary<string, string> StemCache = new(StringComparer.Ordinal);

    /// <summary>Lower-case word tokens (letters and digits; apostrophes dropped), before stop words and stemming.</summary>
    public static List<string> Words(string text)
    {
        var words = new List<string>();
        var current = new StringBuilder();
        foreach (var raw in text.Normalize(NormalizationForm.FormKC))
        {
            var c = char.ToLowerInvariant(raw);
            if (char.IsLetterOrDigit(c))
            {
                current.Append(c);
            }
            else if (c is '\'' or '\u2019' && current.Length > 0)
            {
                // "what's" -> "whats", "don't" -> "dont": one token, then the stop list handles it.
            }
            else if (current.Length > 0)
            {
                words.Add(current.ToString());
                current.Clear();
            }
        }
        if (current.Length > 0)
        {
            words.Add(current.ToString());
        }
        return words;
    }

    public static bool IsStopWord(string word) => StopWords.Contains(word);

    /// <summary>Content words of <paramref name="text"/>, stemmed.</summary>
    public static List<string> Terms(string text) =>
        Words(text).Where(w => !IsStopWord(w)).Select(Stem).ToList();

    public static string Stem(string word) => StemCache.GetOrAdd(word, static w =>
    {
        if (w.Length < 3 || !w.All(char.IsAsciiLetter))
        {
            return w;
        }
        var stemmer = new EnglishStemmer();
        stemmer.SetCurrent(w);
        stemmer.Stem();
        return stemmer.Current;
    });

    /// <summary>Damerau-Levenshtein distance (adjacent transpositions count as one), stopping early above <paramref name="max"/>.</summary>
    public static int EditDistance(string a, string b, int max)
    {
        if (Math.Abs(a.Length - b.Length) > max)
        {
            return max + 1;
        }
        var prev2 = new int[b.Length + 1];
        var prev = new int[b.Length + 1];
        var cur = new int[b.Length + 1];
        for (var j = 0; j <= b.Length; j++)
        {
            prev[j] = j;
        }
        for (var i = 1; i <= a.Length; i++)
        {
            cur[0] = i;
            var rowMin = cur[0];
            for (var j = 1; j <= b.Length; j++)
            {
                var cost = a[i - 1] == b[j - 1] ? 0 : 1;
                var v = Math.Min(Math.Min(prev[j] + 1, cur[j - 1] + 1), prev[j - 1] + cost);
                if (i > 1 && j > 1 && a[i - 1] == b[j - 2] && a[i - 2] == b[j - 1])
                {
                    v = Math.Min(v, prev2[j - 2] + 1);
                }
                cur[j] = v;
                rowMin = Math.Min(rowMin, v);
            }
            if (rowMin > max)
            {
                return max + 1;
            }
            (prev2, prev, cur) = (prev, cur, prev2);
        }
        return prev[b.Length];
    }

    internal static string Invariant(double value) => value.ToString("0.000", CultureInfo.InvariantCulture);
}
