namespace ChatBot.Handoff.Metrics;

/// <summary>A rate with its parts, so every figure can be checked by hand. Rate is null when Total is 0.</summary>
public sealed record Ratio(int Count, int Total)
{
    public double? Rate => Total == 0 ? null : (double)Count / Total;
}
