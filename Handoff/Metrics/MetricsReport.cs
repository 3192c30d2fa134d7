namespace ChatBot.Handoff.Metrics;

/// <summary>The team's shared numbers for one range (and optionally one team). Definitions: docs/metrics.md.</summary>
public sealed record MetricsReport
{
    public required DateTimeOffset From { get; init; }
    public required DateTimeOffset To { get; init; }
    public string? Team { get; init; }
    public required double TargetSeconds { get; init; }

    public required int Engagements { get; init; }
    /// <summary>Engagements no coach accepted, over engagements.</summary>
    public required Ratio Deflection { get; init; }
    public required int ChatsHandled { get; init; }
    /// <summary>Handled chats that ended qualified, over chats handled.</summary>
    public required Ratio PassThrough { get; init; }
    public required CsatFigures Csat { get; init; }
    public required ResponseTimeFigures ResponseTime { get; init; }
    public required QueueFigures Queue { get; init; }
    /// <summary>faq.answered over faq.answered + faq.unanswered.</summary>
    public required Ratio FaqAnswers { get; init; }
    public required IReadOnlyList<UnansweredQuestion> TopUnanswered { get; init; }
    public required IReadOnlyList<DailyMetrics> Daily { get; init; }
}
