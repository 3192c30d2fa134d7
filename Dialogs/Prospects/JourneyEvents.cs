using ChatBot.Handoff.Events;
using Microsoft.Bot.Builder;
using Microsoft.Extensions.Logging;

namespace ChatBot.Dialogs.Prospects;

/// <summary>
/// Records the journey's outcome events (docs/events.md) with typed fields only: never message text, except the
/// question of faq.unanswered. The handoff records its own events (handoff.*); nothing here repeats them. A sink
/// that fails is logged, not thrown: losing a metric must not break a visitor's chat.
/// </summary>
public sealed class JourneyEvents(IOutcomeEventSink sink, TimeProvider time, ILogger<JourneyEvents> logger)
{
    public Task EngagementStartedAsync(ITurnContext turnContext, string? visitorType, CancellationToken cancellationToken) =>
        RecordAsync(Base(turnContext, OutcomeEventNames.EngagementStarted) with { VisitorType = visitorType }, cancellationToken);

    public Task VisitorClassifiedAsync(ITurnContext turnContext, string? visitorType, string intent, CancellationToken cancellationToken) =>
        RecordAsync(Base(turnContext, OutcomeEventNames.VisitorClassified) with { VisitorType = visitorType, Intent = intent }, cancellationToken);

    public Task FaqAnsweredAsync(ITurnContext turnContext, string entryId, double? score, CancellationToken cancellationToken) =>
        RecordAsync(Base(turnContext, OutcomeEventNames.FaqAnswered) with { FaqEntryId = entryId, Score = score }, cancellationToken);

    /// <summary>A "did you mean" was offered; the top offer's entry and confidence.</summary>
    public Task FaqClarifiedAsync(ITurnContext turnContext, string topEntryId, double topScore, CancellationToken cancellationToken) =>
        RecordAsync(Base(turnContext, OutcomeEventNames.FaqClarified) with { FaqEntryId = topEntryId, Score = topScore }, cancellationToken);

    /// <summary>The knowledge base could not answer <paramref name="question"/>: the one event that carries message text.</summary>
    public Task FaqUnansweredAsync(ITurnContext turnContext, string question, CancellationToken cancellationToken) =>
        RecordAsync(Base(turnContext, OutcomeEventNames.FaqUnanswered) with { Question = question }, cancellationToken);

    public Task QualificationCompletedAsync(ITurnContext turnContext, string? visitorType, string intent, int score, bool qualified, CancellationToken cancellationToken) =>
        RecordAsync(Base(turnContext, OutcomeEventNames.QualificationCompleted) with
        {
            VisitorType = visitorType,
            Intent = intent,
            Score = score,
            Qualified = qualified,
        }, cancellationToken);

    /// <summary>Where the visitor was sent: a team (route = the team's name) or self-serve (no team).</summary>
    public Task RoutedAsync(ITurnContext turnContext, string route, string? team, string? visitorType, string intent, bool? qualified, CancellationToken cancellationToken) =>
        RecordAsync(Base(turnContext, OutcomeEventNames.Routed) with
        {
            Route = route,
            Team = team,
            VisitorType = visitorType,
            Intent = intent,
            Qualified = qualified,
        }, cancellationToken);

    public Task CsatGivenAsync(ITurnContext turnContext, bool positive, bool coachHandled, CancellationToken cancellationToken) =>
        RecordAsync(Base(turnContext, OutcomeEventNames.CsatGiven) with { Positive = positive, CoachHandled = coachHandled }, cancellationToken);

    private OutcomeEvent Base(ITurnContext turnContext, string name) => new()
    {
        Name = name,
        Timestamp = time.GetUtcNow(),
        ConversationId = turnContext.Activity.Conversation?.Id ?? "",
        VisitorId = turnContext.Activity.From?.Id,
        Channel = turnContext.Activity.ChannelId,
    };

    private async Task RecordAsync(OutcomeEvent outcome, CancellationToken cancellationToken)
    {
        try
        {
            await sink.RecordAsync(outcome, cancellationToken);
        }
        catch (Exception e) when (e is not OperationCanceledException)
        {
            logger.LogWarning(e, "Could not record {EventName} for conversation {ConversationId}", outcome.Name, outcome.ConversationId);
        }
    }
}
