using System.Globalization;
using System.Text;

namespace ChatBot.Dialogs.Recognizers;

/// <summary>
/// Puts answers and choices in one comparable form: lower case, accents removed ("Équipe" = "equipe"),
/// punctuation turned into spaces, whitespace collapsed. CJK characters and emoji are kept.
/// </summary>
public static class TextNormalizer
{
    public static string Normalize(string? text)
    {
        if (string.IsNullOrWhiteSpace(text))
        {
            return string.Empty;
        }
        var decomposed = text.Normalize(NormalizationForm.FormD);
        var builder = new StringBuilder(decomposed.Length);
        var lastWasSpace = true;
        foreach (var ch in decomposed)
        {
            var category = CharUnicodeInfo.GetUnicodeCategory(ch);
            if (category == UnicodeCategory.NonSpacingMark || ch == '\uFE0F' || ch == '\u200D')
            {
                continue;
            }
            var keep = char.IsLetterOrDigit(ch) || char.IsSurrogate(ch) || category == UnicodeCategory.OtherSymbol
                || ch == '\'' || ch == '’';
            if (keep)
            {
                builder.Append(ch == '’' ? '\'' : char.ToLowerInvariant(ch));
                lastWasSpace = false;
            }
            else if (!lastWasSpace)
            {
                builder.Append(' ');
                lastWasSpace = true;
            }
        }
        return builder.ToString().Trim().Normalize(NormalizationForm.FormC);
    }

    public static string[] Tokens(string? text) =>
        Normalize(text).Split(' ', StringSplitOptions.RemoveEmptyEntries);
}
