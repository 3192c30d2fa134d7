namespace ChatBot.Dialogs.Choices;

/// <summary>The choice a ChoicePrompt recognized.</summary>
public class FoundChoice
{
    /// <summary>The chosen <see cref="Choice.Value"/>.</summary>
    public string Value { get; set; } = string.Empty;

    /// <summary>Its position in the offered list (0-based).</summary>
    public int Index { get; set; }

    /// <summary>1 for an exact match, lower for partial or fuzzy ones.</summary>
    public double Score { get; set; }

    /// <summary>The value, synonym, number or ordinal that matched.</summary>
    public string? Synonym { get; set; }
}
