using System.Globalization;
using ChatBot.Dialogs.Recognizers;

namespace ChatBot.Dialogs.Choices;

/// <summary>
/// Finds which choice an answer means, trying the surest readings first: an exact value or synonym
/// (case and accents ignored), a number or ordinal ("2", "the second one", "2nd", "last"), a choice
/// named inside a sentence ("I'd like Professional please"), an unambiguous partial word ("pro"),
/// then a small typo ("proffesional"). When a reading fits several choices, the answer is ambiguous
/// and the candidates are returned instead of a guess.
/// </summary>
public static class ChoiceRecognizer
{
    private static readonly HashSet<string> Filler = new(StringComparer.Ordinal)
    {
        "the", "a", "an", "one", "option", "number", "no", "nr", "choice", "please", "pls", "plz", "i", "i'd", "id",
        "i'll", "ill", "i'm", "im", "want", "take", "pick", "choose", "select", "like", "would", "go", "with", "for",
        "me", "it", "is", "its", "it's", "that", "this", "answer", "my", "let's", "lets", "say", "um", "uh", "ok",
        "okay", "to", "be", "will", "we", "we'd", "we'll", "our", "of", "and", "thanks", "thank", "you", "just",
        "plan", "tier", "package", "prefer", "need", "think", "guess", "probably", "maybe", "definitely",
    };

    private static readonly Dictionary<string, int> Ordinals = new(StringComparer.Ordinal)
    {
        ["first"] = 1, ["1st"] = 1, ["second"] = 2, ["2nd"] = 2, ["third"] = 3, ["3rd"] = 3, ["fourth"] = 4, ["4th"] = 4,
        ["fifth"] = 5, ["5th"] = 5, ["sixth"] = 6, ["6th"] = 6, ["seventh"] = 7, ["7th"] = 7, ["eighth"] = 8, ["8th"] = 8,
        ["ninth"] = 9, ["9th"] = 9, ["tenth"] = 10, ["10th"] = 10, ["top"] = 1,
    };

    private static readonly Dictionary<string, int> Cardinals = new(StringComparer.Ordinal)
    {
        ["one"] = 1, ["two"] = 2, ["three"] = 3, ["four"] = 4, ["five"] = 5, ["six"] = 6, ["seven"] = 7,
        ["eight"] = 8, ["nine"] = 9, ["ten"] = 10,
    };

    public static ChoiceRecognition Recognize(string? utterance, IList<Choice> choices)
    {
        ArgumentNullException.ThrowIfNull(choices);
        var input = TextNormalizer.Normalize(utterance);
        if (input.Length == 0 || choices.Count == 0)
        {
            return ChoiceRecognition.None;
        }
        var phrases = choices.Select(Phrases).ToList();

        // 1. The whole answer is a value or synonym.
        var exact = Matching(phrases, (_, p) => p.Normalized == input ? p.Original : null);
        if (exact.Count > 0)
        {
            return Result(exact, 1.0, choices);
        }

        // 2. A position: "2", "#2", "option two", "the second one", "2nd", "last". When the choices are
        // number ranges ("1-10", "11-50"), a quantity picks its range ("30 people"); a bare "2" that could be
        // either the second option or a quantity in another range is ambiguous.
        var tokens = input.Split(' ');
        var index = ParseIndex(tokens, choices.Count);
        var saysPosition = tokens.Any(t => Ordinals.ContainsKey(t) || t is "last" or "bottom" or "option" or "number" or "choice");
        var ranges = saysPosition ? new List<int>() : RangeMatches(utterance!, choices);
        if (index != null)
        {
            var position = index.Value - 1;
            if (ranges.Count > 0 && !ranges.Contains(position))
            {
                return new ChoiceRecognition(null, ranges.Append(position).Distinct().Order().ToList());
            }
            return new ChoiceRecognition(Found(choices, position, 1.0, utterance!.Trim()), new[] { position });
        }
        if (ranges.Count > 0)
        {
            return Result(ranges.Select(r => (r, choices[r].Value)).ToList(), 0.9, choices);
        }

        // 3. A value or synonym said inside a sentence; a longer phrase beats one it contains ("pro plus" over "pro").
        var spans = new List<(int Choice, int Start, int Length, string Synonym)>();
        for (var c = 0; c < phrases.Count; c++)
        {
            (int Start, int Length, string Synonym)? best = null;
            foreach (var phrase in phrases[c])
            {
                var start = FindTokens(tokens, phrase.Tokens);
                if (start >= 0 && (best == null || phrase.Tokens.Length > best.Value.Length))
                {
                    best = (start, phrase.Tokens.Length, phrase.Original);
                }
            }
            if (best != null)
            {
                spans.Add((c, best.Value.Start, best.Value.Length, best.Value.Synonym));
            }
        }
        var outer = spans.Where(s => !spans.Any(o => o.Choice != s.Choice && o.Length > s.Length
            && o.Start <= s.Start && o.Start + o.Length >= s.Start + s.Length)).ToList();
        if (outer.Count > 0)
        {
            return Result(outer.Select(s => (s.Choice, s.Synonym)).ToList(), 0.9, choices);
        }

        // 4. Words that start a choice's words ("pro" for Professional, "ent" for Enterprise).
        var content = tokens.Where(t => !Filler.Contains(t) && t.Length >= 3).ToArray();
        if (content.Length == 0)
        {
            return ChoiceRecognition.None;
        }
        var partial = BestBy(phrases, content, (word, candidate) => candidate.StartsWith(word, StringComparison.Ordinal));
        if (partial.Count > 0)
        {
            return Result(partial, 0.7, choices);
        }

        // 5. Small typos in longer words ("proffesional", "entreprise").
        var fuzzy = BestBy(phrases, content, (word, candidate) =>
            word.Length >= 4 && candidate.Length >= 4 && EditDistance(word, candidate) <= (Math.Min(word.Length, candidate.Length) >= 8 ? 2 : 1));
        return fuzzy.Count > 0 ? Result(fuzzy, 0.5, choices) : ChoiceRecognition.None;
    }

    /// <summary>When every choice is a number or range, the choices whose range holds the answer's number.</summary>
    private static List<int> RangeMatches(string utterance, IList<Choice> choices)
    {
        var bounds = choices.Select(c => NumberRecognizer.Recognize(c.Value)).ToList();
        if (bounds.Any(b => b == null))
        {
            return new List<int>();
        }
        var answer = NumberRecognizer.Recognize(utterance)?.Estimate;
        if (answer == null)
        {
            return new List<int>();
        }
        var matches = new List<int>();
        for (var i = 0; i < bounds.Count; i++)
        {
            var b = bounds[i]!;
            var inside = b.Value != null
                ? b.Value == answer
                : (b.Min == null || answer >= b.Min) && (b.Max == null || answer <= b.Max);
            if (inside)
            {
                matches.Add(i);
            }
        }
        return matches;
    }

    private static int? ParseIndex(string[] tokens, int count)
    {
        var hadOne = tokens.Contains("one");
        var rest = tokens.Where(t => !Filler.Contains(t)).ToArray();
        int n;
        if (rest.Length == 0)
        {
            // "one" alone (or "the one"): the first.
            n = hadOne ? 1 : 0;
        }
        else if (rest.Length == 1)
        {
            var t = rest[0];
            if (t == "last" || t == "bottom")
            {
                n = count;
            }
            else if (Ordinals.TryGetValue(t, out var ordinal))
            {
                n = ordinal;
            }
            else if (Cardinals.TryGetValue(t, out var cardinal))
            {
                n = cardinal;
            }
            else if (!int.TryParse(t, NumberStyles.None, CultureInfo.InvariantCulture, out n))
            {
                return null;
            }
        }
        else if (rest.Length == 2 && rest[1] == "last" && Ordinals.TryGetValue(rest[0], out var fromEnd))
        {
            // "second last", "second to last".
            n = count - fromEnd + 1;
        }
        else
        {
            return null;
        }
        return n >= 1 && n <= count ? n : null;
    }

    /// <summary>Choices whose words best cover the answer's content words under <paramref name="matches"/>.</summary>
    private static List<(int Choice, string Synonym)> BestBy(List<List<Phrase>> phrases, string[] content, Func<string, string, bool> matches)
    {
        var best = 0;
        var winners = new List<(int, string)>();
        for (var c = 0; c < phrases.Count; c++)
        {
            var score = 0;
            string? synonym = null;
            foreach (var phrase in phrases[c])
            {
                var hits = content.Count(word => phrase.Tokens.Any(candidate => matches(word, candidate)));
                if (hits > score)
                {
                    score = hits;
                    synonym = phrase.Original;
                }
            }
            if (score == 0)
            {
                continue;
            }
            if (score > best)
            {
                best = score;
                winners.Clear();
            }
            if (score == best)
            {
                winners.Add((c, synonym!));
            }
        }
        return winners;
    }

    private static List<(int Choice, string Synonym)> Matching(List<List<Phrase>> phrases, Func<int, Phrase, string?> match)
    {
        var found = new List<(int, string)>();
        for (var c = 0; c < phrases.Count; c++)
        {
            foreach (var phrase in phrases[c])
            {
                var synonym = match(c, phrase);
                if (synonym != null)
                {
                    found.Add((c, synonym));
                    break;
                }
            }
        }
        return found;
    }

    private static ChoiceRecognition Result(List<(int Choice, string Synonym)> found, double score, IList<Choice> choices)
    {
        var distinct = found.GroupBy(f => f.Choice).Select(g => g.First()).OrderBy(f => f.Choice).ToList();
        if (distinct.Count == 1)
        {
            return new ChoiceRecognition(Found(choices, distinct[0].Choice, score, distinct[0].Synonym), new[] { distinct[0].Choice });
        }
        return new ChoiceRecognition(null, distinct.Select(d => d.Choice).ToList());
    }

    private static FoundChoice Found(IList<Choice> choices, int index, double score, string synonym) =>
        new() { Value = choices[index].Value, Index = index, Score = score, Synonym = synonym };

    private static int FindTokens(string[] haystack, string[] needle)
    {
        if (needle.Length == 0 || needle.Length > haystack.Length)
        {
            return -1;
        }
        for (var i = 0; i + needle.Length <= haystack.Length; i++)
        {
            var all = true;
            for (var j = 0; j < needle.Length && all; j++)
            {
                all = haystack[i + j] == needle[j];
            }
            if (all)
            {
                return i;
            }
        }
        return -1;
    }

    private static List<Phrase> Phrases(Choice choice)
    {
        var texts = new List<string> { choice.Value };
        if (!string.IsNullOrWhiteSpace(choice.Action?.Title))
        {
            texts.Add(choice.Action!.Title);
        }
        if (choice.Synonyms != null)
        {
            texts.AddRange(choice.Synonyms);
        }
        return texts
            .Select(t => new Phrase(t, TextNormalizer.Normalize(t)))
            .Where(p => p.Normalized.Length > 0)
            .ToList();
    }

    /// <summary>Edits (insert, delete, replace, swap two neighbours) between two short words.</summary>
    private static int EditDistance(string a, string b)
    {
        var d = new int[a.Length + 1, b.Length + 1];
        for (var i = 0; i <= a.Length; i++)
        {
            d[i, 0] = i;
        }
        for (var j = 0; j <= b.Length; j++)
        {
            d[0, j] = j;
        }
        for (var i = 1; i <= a.Length; i++)
        {
            for (var j = 1; j <= b.Length; j++)
            {
                var cost = a[i - 1] == b[j - 1] ? 0 : 1;
                d[i, j] = Math.Min(Math.Min(d[i - 1, j] + 1, d[i, j - 1] + 1), d[i - 1, j - 1] + cost);
                if (i > 1 && j > 1 && a[i - 1] == b[j - 2] && a[i - 2] == b[j - 1])
                {
                    d[i, j] = Math.Min(d[i, j], d[i - 2, j - 2] + 1);
                }
            }
        }
        return d[a.Length, b.Length];
    }

    private sealed record Phrase(string Original, string Normalized)
    {
        public string[] Tokens { get; } = Normalized.Split(' ', StringSplitOptions.RemoveEmptyEntries);
    }
}
