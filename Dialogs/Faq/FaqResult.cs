namespace ChatBot.Dialogs.Faq;

/// <summary>The recognizer's verdict on one question: a decision and the ranked candidates behind it.</summary>
public sealed record FaqResult
{
    public required string Question { get; init; }
    public required FaqDecision Decision { get; init; }
    /// <summary>Best first; may be non-empty even when the decision is None (for the test pane and logs).</summary>
    public required IReadOnlyList<FaqCandidate> Candidates { get; init; }

    /// <summary>Similarity of the question to the closest out-of-scope anchor (advice, chit-chat, asking for a person...).</summary>
    public double OutOfScope { get; init; }
    /// <summary>Share of the question's content words that the knowledge base's vocabulary knows, 0..1.</summary>
    public double Coverage { get; init; }
    /// <summary>Why the decision was taken, in a few words (for logs and the test pane; not for visitors).</summary>
    public string Reason { get; init; } = "";

    public FaqCandidate? Top => Candidates.Count > 0 ? Candidates[0] : null;

    public static FaqResult Empty(string question, string reason) =>
        new() { Question = question, Decision = FaqDecision.None, Candidates = [], Reason = reason };
}
