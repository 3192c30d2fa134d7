namespace ChatBot.Dialogs.Recognizers;

/// <summary>
/// Reads yes or no from an answer, in English and the languages our visitors use most (si/no, oui/non,
/// ja/nein, 是/不是), casual forms (sure, yep, nope, nah) and 👍/👎. An answer with both a yes word and
/// a no word ("not sure", "yes no") is not understood rather than guessed.
/// </summary>
public static class ConfirmRecognizer
{
    private static readonly HashSet<string> YesWords = new(StringComparer.Ordinal)
    {
        "yes", "y", "yeah", "yea", "yah", "ya", "yep", "yup", "yess", "yesss", "sure", "ok", "okay", "k", "kk", "certainly",
        "absolutely", "definitely", "correct", "right", "affirmative", "indeed", "true", "agreed", "alright",
        "si", "oui", "ja", "jawohl", "da", "sim", "是", "是的", "对", "对的", "好", "好的", "可以", "嗯", "👍", "✅", "✔", "👌",
    };

    private static readonly HashSet<string> NoWords = new(StringComparer.Ordinal)
    {
        "no", "n", "nope", "nah", "naw", "nay", "never", "negative", "false", "not", "don't", "dont", "didn't", "won't",
        "non", "nein", "nee", "não", "nao", "不是", "不", "不要", "不对", "不用", "没有", "不行", "👎", "❌", "✖",
    };

    private static readonly string[] YesPhrases = { "of course", "why not", "go ahead", "sounds good", "please do", "for sure", "yes please", "d'accord", "no problem", "no worries" };

    private static readonly string[] UnsurePhrases = { "not sure", "don't know", "dont know", "no idea", "maybe", "perhaps", "idk", "not certain" };

    private static readonly string[] NoPhrases = { "no thanks", "no thank you", "not really", "not now", "no way", "not at all", "rather not", "pas du tout" };

    public static bool? Recognize(string? utterance)
    {
        var text = StripSkinTones(TextNormalizer.Normalize(utterance));
        if (text.Length == 0)
        {
            return null;
        }
        if (UnsurePhrases.Any(p => ContainsPhrase(text, p)))
        {
            return null;
        }
        var yesPhrase = YesPhrases.Any(p => ContainsPhrase(text, p));
        var noPhrase = NoPhrases.Any(p => ContainsPhrase(text, p));
        if (yesPhrase != noPhrase)
        {
            return yesPhrase;
        }

        var tokens = Tokens(text);
        var yes = tokens.Any(YesWords.Contains);
        var no = tokens.Any(NoWords.Contains);
        if (yes == no)
        {
            return null;
        }
        return yes;
    }

    /// <summary>Words, with emoji and CJK characters split off so that "👍👍" or "是的。" are seen.</summary>
    private static IEnumerable<string> Tokens(string text)
    {
        foreach (var word in text.Split(' ', StringSplitOptions.RemoveEmptyEntries))
        {
            if (YesWords.Contains(word) || NoWords.Contains(word))
            {
                yield return word;
                continue;
            }
            // Chinese has no spaces: "不是的" contains 不是, "是啊" contains 是; check negations first.
            if (word.Any(IsCjk))
            {
                if (word.StartsWith('不') || word.StartsWith("没", StringComparison.Ordinal))
                {
                    yield return "不";
                }
                else if (word.StartsWith('是') || word.StartsWith('对') || word.StartsWith('好'))
                {
                    yield return "是";
                }
                continue;
            }
            // Emoji come as surrogate pairs, possibly repeated ("👍👍").
            var elements = System.Globalization.StringInfo.GetTextElementEnumerator(word);
            var parts = new List<string>();
            while (elements.MoveNext())
            {
                parts.Add((string)elements.Current);
            }
            if (parts.Count > 1 && parts.All(p => YesWords.Contains(p) || NoWords.Contains(p)))
            {
                foreach (var part in parts)
                {
                    yield return part;
                }
                continue;
            }
            yield return word;
        }
    }

    private static bool IsCjk(char c) => c >= '\u4E00' && c <= '\u9FFF';

    private static bool ContainsPhrase(string text, string phrase) =>
        (" " + text + " ").Contains(" " + phrase + " ", StringComparison.Ordinal);

    private static string StripSkinTones(string text)
    {
        // Skin-tone modifiers U+1F3FB..U+1F3FF follow the emoji they colour ("👍🏽").
        for (var tone = 0x1F3FB; tone <= 0x1F3FF; tone++)
        {
            text = text.Replace(char.ConvertFromUtf32(tone), string.Empty, StringComparison.Ordinal);
        }
        return text;
    }
}
