namespace ChatBot.Handoff.Metrics;

/// <summary>An unanswered question in its normalised form and how often it was asked.</summary>
public sealed record UnansweredQuestion(string Question, int Count);
