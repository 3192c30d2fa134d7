namespace ChatBot.Handoff.Metrics;

/// <summary>What became of the handoff requests: abandoned by the visitor while waiting, or missed by the team.</summary>
public sealed record QueueFigures(Ratio Abandoned, Ratio Missed);
