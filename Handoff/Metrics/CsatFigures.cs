namespace ChatBot.Handoff.Metrics;

/// <summary>Positive feedback over all feedback, overall and split by whether a coach handled the conversation.</summary>
public sealed record CsatFigures(Ratio Overall, Ratio BotOnly, Ratio CoachHandled);
