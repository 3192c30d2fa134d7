namespace ChatBot.Dialogs.Faq;

/// <summary>One ranked knowledge-base entry for a question, with the scores that ranked it.</summary>
public sealed record FaqCandidate
{
    public required string EntryId { get; init; }
    /// <summary>The entry's phrasing that matched the question best (the canonical one if none stands out).</summary>
    public required string MatchedQuestion { get; init; }
    /// <summary>The entry's first (canonical) question, for "did you mean" buttons.</summary>
    public required string CanonicalQuestion { get; init; }
    /// <summary>Markdown.</summary>
    public required string Answer { get; init; }
    /// <summary>sales or support: who owns a human follow-up.</summary>
    public required string Team { get; init; }
    public required string Category { get; init; }
    public IReadOnlyList<string> FollowUps { get; init; } = [];

    /// <summary>Fused, calibrated confidence in 0..1; the decision thresholds apply to it.</summary>
    public double Confidence { get; init; }
    /// <summary>BM25 score of the entry, normalised to 0..1 by the best possible score for the query.</summary>
    public double Lexical { get; init; }
    /// <summary>MiniLM cosine of the question to the entry's closest phrasing, blended with its cosine to the
    /// entry's answer (Faq:AnswerSimilarityWeight), at least 0.</summary>
    public double Semantic { get; init; }
}
