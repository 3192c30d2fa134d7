namespace ChatBot.Handoff.Metrics;

/// <summary>
/// Time from each handoff request to the coach's first message. WithinTarget counts requests never
/// answered as misses (its Total is every request); the median and 90th percentile describe the
/// answered ones only, and Unanswered says how many are left out of them.
/// </summary>
public sealed record ResponseTimeFigures(
    int Requests,
    int Answered,
    int Unanswered,
    Ratio WithinTarget,
    double? MedianSeconds,
    double? P90Seconds,
    IReadOnlyList<HistogramBin> Histogram);
