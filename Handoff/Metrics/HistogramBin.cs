namespace ChatBot.Handoff.Metrics;

/// <summary>First replies with FromSeconds &lt; time &lt;= ToSeconds (ToSeconds null: no upper bound).</summary>
public sealed record HistogramBin(double FromSeconds, double? ToSeconds, int Count);
