using ChatBot.Dialogs.Recognizers;

namespace ChatBot.Dialogs.Prospects;

/// <summary>
/// Reads short replies however they come: the engine's <see cref="ConfirmRecognizer"/> (yes/no words, 👍/👎, other
/// languages) plus what people say after an answer or about a chat ("thanks", "perfect", "that didn't help", 🙂),
/// and the ways of skipping a question ("skip", "pass", "rather not say").
/// </summary>
public static class ReplyReader
{
    private static readonly string[] Positive =
    [
        "thanks", "thank you", "thx", "ty", "cheers", "great", "perfect", "awesome", "excellent", "brilliant", "lovely",
        "helpful", "very helpful", "that helps", "that helped", "it helped", "got it", "good", "very good", "nice", "cool",
        "😀", "😃", "😄", "😊", "🙂", "😍", "❤", "❤️", "🙏", "💯", "⭐", "🎉",
    ];

    private static readonly string[] Negative =
    [
        "didn't help", "did not help", "doesn't help", "does not help", "not helpful", "unhelpful", "useless", "bad",
        "terrible", "awful", "meh", "poor", "wrong", "not what i asked", "not what i meant", "that's not it", "not it",
        "🙁", "☹", "☹️", "😞", "😕", "😠", "😡", "😢",
    ];

    private static readonly string[] SkipPhrases =
    [
        "skip", "skip it", "skip this", "skip that", "skip this one", "skip question", "pass", "next", "next question",
        "rather not", "i'd rather not", "id rather not", "rather not say", "i'd rather not say", "prefer not to say",
        "i prefer not to say", "prefer not to answer", "no comment", "none of your business", "n a", "na",
        "no thanks", "no thank you", "nothing", "nothing to add", "not now", "later",
    ];

    private static readonly string[] UnsurePhrases =
    [
        "idk", "i dk", "dunno", "i dunno", "not sure", "i'm not sure", "im not sure", "not really sure", "unsure", "maybe",
        "kind of", "kinda", "sort of", "sorta", "partly", "partially", "somewhat", "a bit", "a little", "i don't know",
        "i dont know", "don't know", "dont know", "no idea", "hmm", "hm", "hmmm", "not quite", "not exactly", "more or less",
        "i guess", "i think so", "🤔", "🤷", "🤷‍♀️", "🤷‍♂️",
    ];

    /// <summary>True, false, or null when the reply is neither (a new question, "maybe").</summary>
    public static bool? YesNo(string? reply)
    {
        var confirmed = ConfirmRecognizer.Recognize(reply);
        if (confirmed != null)
        {
            return confirmed;
        }
        var text = Clean(reply);
        if (text.Length == 0)
        {
            return null;
        }
        // Negative phrases first: "didn't help" contains "help".
        if (Negative.Any(p => Contains(text, p)))
        {
            return false;
        }
        return Positive.Any(p => Contains(text, p)) ? true : null;
    }

    /// <summary>True when the reply declines to answer the question asked.</summary>
    public static bool IsSkip(string? reply)
    {
        var text = Clean(reply);
        if (text.Length == 0)
        {
            return false;
        }
        foreach (var frame in new[] { " please", " thanks", " thank you", " for now" })
        {
            if (text.EndsWith(frame, StringComparison.Ordinal) && text.Length > frame.Length)
            {
                text = text[..^frame.Length].Trim();
            }
        }
        return SkipPhrases.Contains(text, StringComparer.Ordinal);
    }

    /// <summary>
    /// "idk", "not sure", "sort of", 🤷: neither yes nor no to "did that answer your question?", and not a new
    /// question either.
    /// </summary>
    public static bool IsUnsure(string? reply)
    {
        var text = Clean(reply);
        if (text.Length == 0)
        {
            return UnsurePhrases.Contains(reply?.Trim() ?? "", StringComparer.Ordinal);
        }
        foreach (var frame in new[] { " really", " yet", " tbh", " honestly", " to be honest" })
        {
            if (text.EndsWith(frame, StringComparison.Ordinal) && text.Length > frame.Length)
            {
                text = text[..^frame.Length].Trim();
            }
        }
        return UnsurePhrases.Any(p => Clean(p) is { Length: > 0 } phrase ? phrase == text : text == p);
    }

    private static string Clean(string? reply) => TextNormalizer.Normalize(reply).Replace('’', '\'');

    private static bool Contains(string text, string phrase)
    {
        var normalized = TextNormalizer.Normalize(phrase);
        if (normalized.Length == 0)
        {
            // Emoji that normalize away (variation selectors): compare the raw form.
            return text.Contains(phrase, StringComparison.Ordinal);
        }
        return (" " + text + " ").Contains(" " + normalized + " ", StringComparison.Ordinal)
            || (normalized.Any(char.IsSurrogate) && text.Contains(normalized, StringComparison.Ordinal));
    }
}
