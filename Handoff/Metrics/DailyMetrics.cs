namespace ChatBot.Handoff.Metrics;

/// <summary>One UTC day of the series: the same definitions, over the conversations that started that day.</summary>
public sealed record DailyMetrics(
    DateOnly Date,
    int Engagements,
    int ChatsHandled,
    int HandoffRequests,
    double? DeflectionRate,
    double? PassThroughRate,
    double? CsatRate,
    double? ResponseWithinTargetShare,
    double? AbandonmentRate,
    double? FaqAnswerRate);
