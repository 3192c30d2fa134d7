namespace ChatBot.Dialogs.Choices;

/// <summary>What the choice recognizer made of an answer: one match, several candidates, or nothing.</summary>
public sealed class ChoiceRecognition
{
    public static readonly ChoiceRecognition None = new(null, Array.Empty<int>());

    public ChoiceRecognition(FoundChoice? match, IReadOnlyList<int> candidates)
    {
        Match = match;
        Candidates = candidates;
    }

    public FoundChoice? Match { get; }

    /// <summary>When the answer fits several choices equally well: their indexes, in list order.</summary>
    public IReadOnlyList<int> Candidates { get; }

    public bool IsAmbiguous => Match == null && Candidates.Count > 1;
}
