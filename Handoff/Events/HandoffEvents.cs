using ChatBot.Handoff.Storage;
using Microsoft.Extensions.Logging;

namespace ChatBot.Handoff.Events;

/// <summary>
/// Records the handoff's outcome events with the request's typed fields (never message text). A failing sink is
/// logged, not thrown: losing a metric must not break a visitor's chat.
/// </summary>
public sealed class HandoffEvents(IOutcomeEventSink sink, TimeProvider time, ILogger<HandoffEvents> logger)
{
    public async Task RecordAsync(string name, HandoffRecord record, string? coachId = null, long? durationMs = null,
        string? outcome = null, string? team = null, bool? qualified = null, CancellationToken cancellationToken = default)
    {
        var outcomeEvent = new OutcomeEvent
        {
            Name = name,
            Timestamp = time.GetUtcNow(),
            ConversationId = record.ConversationId,
            VisitorId = record.VisitorId,
            Channel = record.ChannelId,
            Team = team ?? record.Team,
            VisitorType = record.VisitorType,
            Intent = record.Intent,
            CoachId = coachId,
            DurationMs = durationMs,
            Outcome = outcome,
            Qualified = qualified,
            CoachHandled = name == OutcomeEventNames.HandoffEnded ? record.WasHandledByCoach() : null,
        };
        try
        {
            await sink.RecordAsync(outcomeEvent, cancellationToken);
        }
        catch (Exception e) when (e is not OperationCanceledException)
        {
            logger.LogWarning(e, "Could not record {EventName} for conversation {ConversationId}", name, record.ConversationId);
        }
    }

    public static long Ms(DateTimeOffset from, DateTimeOffset to) => (long)Math.Max(0, (to - from).TotalMilliseconds);
}
