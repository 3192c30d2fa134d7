using System.Globalization;
using System.Text;

namespace ChatBot.Handoff.Metrics;

/// <summary>
/// Folds the ways people type the same question into one key, so the backlog counts questions,
/// not spellings: Unicode compatibility form, lower case, runs of white space to one space, and no
/// punctuation at either end ("  How do I export?? " and "how do i export" are one question).
/// </summary>
public static class QuestionNormalizer
{
    public static string Normalize(string? question)
    {
        if (string.IsNullOrWhiteSpace(question))
        {
            return string.Empty;
        }
        var text = question.Normalize(NormalizationForm.FormKC).ToLower(CultureInfo.InvariantCulture);
        var builder = new StringBuilder(text.Length);
        var pendingSpace = false;
        foreach (var c in text)
        {
            if (char.IsWhiteSpace(c) || char.IsControl(c))
            {
                pendingSpace = builder.Length > 0;
                continue;
            }
            if (pendingSpace)
            {
                builder.Append(' ');
                pendingSpace = false;
            }
            builder.Append(c);
        }
        return builder.ToString().Trim(TrimmedPunctuation);
    }

    private static readonly char[] TrimmedPunctuation = ['?', '!', '.', ',', ';', ':', '"', '\'', ' ', '¿', '¡', '…'];
}
