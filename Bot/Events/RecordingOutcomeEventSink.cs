using ChatBot.Handoff.Events;
using Microsoft.Bot.Builder;

namespace ChatBot.Events;

/// <summary>
/// The <see cref="IOutcomeEventSink"/> that dialogs and the handoff get: stores each event in the event log,
/// then sends it to <see cref="IBotTelemetryClient"/> (Application Insights when configured) and to the meters.
///
/// Recording never fails the visitor's turn. Losing an event is bad, but failing a visitor's reply because
/// a metrics write failed is worse, so a failed log write is logged as an error WITH the event's JSON (it
/// holds no message text beyond an unanswered question, and can be re-appended from the log by hand; the
/// log ignores duplicate ids) and counted on chatbot.outcome_events.write_failures, which an alert can watch.
/// The caller's cancellation is not passed to the write: an outcome that happened is recorded even when
/// the request that caused it is being aborted.
/// </summary>
public sealed class RecordingOutcomeEventSink(
    IEventLog log,
    IBotTelemetryClient telemetry,
    OutcomeEventMeters meters,
    ILogger<RecordingOutcomeEventSink> logger) : IOutcomeEventSink
{
    public async Task RecordAsync(OutcomeEvent outcome, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(outcome);
        try
        {
            await log.RecordAsync(outcome, CancellationToken.None);
        }
        catch (Exception ex)
        {
            meters.RecordWriteFailure(outcome);
            logger.LogError(ex, "Outcome event {EventName} could not be stored; re-append it from this line: {EventJson}",
                outcome.Name, OutcomeEventJson.Serialize(outcome));
        }

        try
        {
            meters.Record(outcome);
            telemetry.TrackEvent(outcome.Name, TelemetryProperties(outcome), TelemetryMetrics(outcome));
        }
        catch (Exception ex)
        {
            logger.LogWarning(ex, "Outcome event {EventName} could not be sent to telemetry.", outcome.Name);
        }
    }

    /// <summary>
    /// Every typed field except the unanswered question: free text may hold personal data, and a visitor's
    /// deletion request reaches the event log but not Application Insights.
    /// </summary>
    internal static Dictionary<string, string> TelemetryProperties(OutcomeEvent e)
    {
        var properties = new Dictionary<string, string>
        {
            ["schemaVersion"] = e.SchemaVersion.ToString(System.Globalization.CultureInfo.InvariantCulture),
            ["eventId"] = e.Id,
            ["timestamp"] = e.Timestamp.ToString("O"),
            ["conversationId"] = e.ConversationId,
        };
        void Add(string key, object? value)
        {
            if (value != null)
            {
                properties[key] = value is bool b ? (b ? "true" : "false") : Convert.ToString(value, System.Globalization.CultureInfo.InvariantCulture)!;
            }
        }
        Add("visitorId", e.VisitorId);
        Add("channel", e.Channel);
        Add("team", e.Team);
        Add("visitorType", e.VisitorType);
        Add("intent", e.Intent);
        Add("faqEntryId", e.FaqEntryId);
        Add("qualified", e.Qualified);
        Add("route", e.Route);
        Add("coachId", e.CoachId);
        Add("outcome", e.Outcome);
        Add("positive", e.Positive);
        Add("coachHandled", e.CoachHandled);
        return properties;
    }

    internal static Dictionary<string, double> TelemetryMetrics(OutcomeEvent e)
    {
        var metrics = new Dictionary<string, double>();
        if (e.Score is double score)
        {
            metrics["score"] = score;
        }
        if (e.DurationMs is long ms)
        {
            metrics["durationMs"] = ms;
        }
        return metrics;
    }
}
