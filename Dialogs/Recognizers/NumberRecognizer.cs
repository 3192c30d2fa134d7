using System.Globalization;
using System.Text.RegularExpressions;
using ChatBot.Dialogs.Prompts;

namespace ChatBot.Dialogs.Recognizers;

/// <summary>
/// Reads a number from an answer: digits with separators ("1,200", "1.5k", "2 million"), English words
/// ("fifty", "twenty-five", "a hundred and ten", "a dozen"), approximate forms ("about 50", "~50",
/// "50ish", "roughly 2k") and ranges ("10-50", "between 10 and 50", "10 to 50k", "50+", "under 10").
/// An answer with several unrelated numbers is not understood rather than guessed.
/// </summary>
public static partial class NumberRecognizer
{
    private static readonly Dictionary<string, long> Units = new(StringComparer.Ordinal)
    {
        ["zero"] = 0, ["one"] = 1, ["two"] = 2, ["three"] = 3, ["four"] = 4, ["five"] = 5, ["six"] = 6, ["seven"] = 7,
        ["eight"] = 8, ["nine"] = 9, ["ten"] = 10, ["eleven"] = 11, ["twelve"] = 12, ["thirteen"] = 13, ["fourteen"] = 14,
        ["fifteen"] = 15, ["sixteen"] = 16, ["seventeen"] = 17, ["eighteen"] = 18, ["nineteen"] = 19, ["twenty"] = 20,
        ["thirty"] = 30, ["forty"] = 40, ["fourty"] = 40, ["fifty"] = 50, ["sixty"] = 60, ["seventy"] = 70, ["eighty"] = 80,
        ["ninety"] = 90,
    };

    private static readonly Dictionary<string, long> Scales = new(StringComparer.Ordinal)
    {
        ["thousand"] = 1_000, ["million"] = 1_000_000, ["billion"] = 1_000_000_000,
    };

    private static readonly string[] RangeConnectors = { "-", "to", "and", "through", "thru", "till", "until", "or", "up to" };

    public static NumberResult? Recognize(string? utterance)
    {
        if (string.IsNullOrWhiteSpace(utterance))
        {
            return null;
        }
        var text = utterance.ToLowerInvariant()
            .Replace('–', '-').Replace('—', '-').Replace('−', '-')
            .Replace('\u00A0', ' ').Replace('\u202F', ' ');
        text = GroupSeparator().Replace(text, string.Empty);

        var approximate = Approximate().IsMatch(text);
        text = Approximate().Replace(text, " ");
        text = NumberWords().Replace(text, m => ScaleOnly(m.Value) ? m.Value : WordsToNumber(m.Value)?.ToString(CultureInfo.InvariantCulture) ?? m.Value);

        var numbers = Number().Matches(text).Select(m => (Match: m, Value: Parse(m))).ToList();
        if (numbers.Count == 0 || numbers.Count > 2 || numbers.Any(n => n.Value == null))
        {
            return null;
        }

        if (numbers.Count == 2)
        {
            var (first, second) = (numbers[0], numbers[1]);
            var between = text[(first.Match.Index + first.Match.Length)..second.Match.Index].Trim();
            if (!RangeConnectors.Contains(between))
            {
                return null;
            }
            var min = first.Value!.Value;
            var max = second.Value!.Value;
            // "10-50k" means 10k to 50k: the first number borrows the second's multiplier.
            var firstSuffix = first.Match.Groups["suffix"].Value;
            var secondSuffix = second.Match.Groups["suffix"].Value;
            if (firstSuffix.Length == 0 && secondSuffix.Length > 0)
            {
                var borrowed = min * Multiplier(secondSuffix);
                if (borrowed <= max)
                {
                    min = borrowed;
                }
            }
            if (min > max)
            {
                (min, max) = (max, min);
            }
            return new NumberResult { Min = min, Max = max, Approximate = approximate || between == "or" };
        }

        var only = numbers[0];
        var before = text[..only.Match.Index];
        var after = text[(only.Match.Index + only.Match.Length)..];
        var value = only.Value!.Value;
        if (AtLeastBefore().IsMatch(before) || AtLeastAfter().IsMatch(after))
        {
            return new NumberResult { Min = value, Approximate = approximate };
        }
        if (AtMostBefore().IsMatch(before) || AtMostAfter().IsMatch(after))
        {
            return new NumberResult { Max = value, Approximate = approximate };
        }
        if (before.TrimEnd().EndsWith('-') && before.Trim() == "-")
        {
            value = -value;
        }
        return new NumberResult { Value = value, Approximate = approximate };
    }

    /// <summary>"million" alone follows digits ("2 million"): left for the number pattern's multiplier.</summary>
    private static bool ScaleOnly(string words) =>
        words.Split(new[] { ' ', '-' }, StringSplitOptions.RemoveEmptyEntries)
            .All(w => w is "hundred" or "dozen" or "and" || Scales.ContainsKey(w));

    private static double? Parse(Match match)
    {
        var digits = match.Groups["number"].Value.Replace(",", string.Empty).Replace("'", string.Empty);
        if (match.Groups["decimal"].Success)
        {
            digits += "." + match.Groups["decimal"].Value;
        }
        if (!double.TryParse(digits, NumberStyles.AllowDecimalPoint, CultureInfo.InvariantCulture, out var value))
        {
            return null;
        }
        return value * Multiplier(match.Groups["suffix"].Value);
    }

    private static double Multiplier(string suffix) => suffix.Trim() switch
    {
        "k" or "thousand" => 1_000,
        "m" or "mm" or "mn" or "million" => 1_000_000,
        "b" or "bn" or "billion" => 1_000_000_000,
        "hundred" => 100,
        "dozen" => 12,
        _ => 1,
    };

    /// <summary>"twenty five" = 25, "a hundred and ten" = 110, "two thousand three hundred" = 2300, "a dozen" = 12.</summary>
    private static long? WordsToNumber(string words)
    {
        long total = 0;
        long current = 0;
        var any = false;
        foreach (var word in words.Split(new[] { ' ', '-' }, StringSplitOptions.RemoveEmptyEntries))
        {
            if (word is "a" or "an" or "and")
            {
                continue;
            }
            if (Units.TryGetValue(word, out var unit))
            {
                current += unit;
            }
            else if (word == "hundred")
            {
                current = (current == 0 ? 1 : current) * 100;
            }
            else if (word == "dozen")
            {
                current = (current == 0 ? 1 : current) * 12;
            }
            else if (Scales.TryGetValue(word, out var scale))
            {
                total += (current == 0 ? 1 : current) * scale;
                current = 0;
            }
            else
            {
                return null;
            }
            any = true;
        }
        return any ? total + current : null;
    }

    // 1,200 / 1'200 / 12,000,000 are one number; "1, 2" is not (the comma must be followed by exactly 3 digits).
    [GeneratedRegex(@"(?<=\d) (?=\d{3}(?!\d))")]
    private static partial Regex GroupSeparator();

    [GeneratedRegex(@"(?<![\w.,])(?<number>\d{1,3}(?:[,']\d{3})+|\d+)?(?:\.(?<decimal>\d+))?(?<=\d)\s*(?<suffix>k|mm|mn|m|bn|b|thousand|million|billion|hundred|dozen)?(?![\w])")]
    private static partial Regex Number();

    [GeneratedRegex(@"~|≈|±|\+/-|\b(?:about|around|approximately|approx|roughly|circa|ca|nearly|almost|some|maybe|probably|give or take|or so|ish|estimated|est|more or less)\b|(?<=\d)\s*-?ish\b")]
    private static partial Regex Approximate();

    [GeneratedRegex(@"\b(?:(?:a|an)\s+)?(?:zero|one|two|three|four|five|six|seven|eight|nine|ten|eleven|twelve|thirteen|fourteen|fifteen|sixteen|seventeen|eighteen|nineteen|twenty|thirty|forty|fourty|fifty|sixty|seventy|eighty|ninety|hundred|thousand|million|billion|dozen)(?:(?:(?<=hundred|thousand|million|billion)\s+and\s+|\s+|-)(?:zero|one|two|three|four|five|six|seven|eight|nine|ten|eleven|twelve|thirteen|fourteen|fifteen|sixteen|seventeen|eighteen|nineteen|twenty|thirty|forty|fourty|fifty|sixty|seventy|eighty|ninety|hundred|thousand|million|billion|dozen))*\b")]
    private static partial Regex NumberWords();

    [GeneratedRegex(@"(?:more than|over|at least|above|upwards of|minimum|min|>=?)\s*$")]
    private static partial Regex AtLeastBefore();

    [GeneratedRegex(@"^\s*(?:\+|plus\b|or more\b|and up\b|and above\b|or above\b)")]
    private static partial Regex AtLeastAfter();

    [GeneratedRegex(@"(?:less than|fewer than|under|below|up to|at most|maximum|max|<=?)\s*$")]
    private static partial Regex AtMostBefore();

    [GeneratedRegex(@"^\s*(?:or less\b|or fewer\b|or below\b|at most\b|max\b)")]
    private static partial Regex AtMostAfter();
}
