using Microsoft.Bot.Schema;

namespace ChatBot.Dialogs.Choices;

/// <summary>One answer a ChoicePrompt offers.</summary>
public class Choice
{
    public Choice()
    {
    }

    public Choice(string value, params string[] synonyms)
    {
        Value = value;
        Synonyms = synonyms.Length > 0 ? synonyms.ToList() : null;
    }

    /// <summary>The value returned when chosen, and the text shown.</summary>
    public string Value { get; set; } = string.Empty;

    /// <summary>Optional button override (title shown instead of the value).</summary>
    public CardAction? Action { get; set; }

    /// <summary>Other words that select this choice ("pro" for "Professional", "enterprise plan"...).</summary>
    public List<string>? Synonyms { get; set; }
}
