namespace ChatBot.Handoff.Metrics;

/// <summary>What to compute: a half-open range [From, To), optionally one team, and the response-time target.</summary>
public sealed record MetricsQuery
{
    public required DateTimeOffset From { get; init; }
    public required DateTimeOffset To { get; init; }
    /// <summary>sales, support...; null for every team. Compared case-insensitively.</summary>
    public string? Team { get; init; }
    /// <summary>A handoff request answered within this many seconds meets the target.</summary>
    public double TargetSeconds { get; init; } = 20;
    /// <summary>How many of the most frequent unanswered questions to return.</summary>
    public int TopQuestions { get; init; } = 10;
}
