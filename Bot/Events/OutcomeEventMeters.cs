using System.Diagnostics;
using System.Diagnostics.Metrics;
using ChatBot.Handoff.Events;

namespace ChatBot.Events;

/// <summary>
/// Live, OpenTelemetry-compatible instruments on the Meter "ChatBot" (System.Diagnostics.Metrics), for
/// whatever exporter the host is given: a count of every outcome event by name, and histograms of the
/// first-response time and of the queue wait in seconds.
/// </summary>
public sealed class OutcomeEventMeters
{
    public const string MeterName = "ChatBot";

    private readonly Counter<long> _events;
    private readonly Counter<long> _writeFailures;
    private readonly Histogram<double> _firstResponse;
    private readonly Histogram<double> _queueWait;

    public OutcomeEventMeters(IMeterFactory meterFactory)
    {
        var meter = meterFactory.Create(MeterName);
        _events = meter.CreateCounter<long>("chatbot.outcome_events", "{event}", "Outcome events recorded, tagged with event.name and team.");
        _writeFailures = meter.CreateCounter<long>("chatbot.outcome_events.write_failures", "{event}", "Outcome events the event log failed to store.");
        _firstResponse = meter.CreateHistogram<double>("chatbot.handoff.first_response_time", "s", "Time from a handoff request to the coach's first message.");
        _queueWait = meter.CreateHistogram<double>("chatbot.handoff.queue_wait", "s", "Time a handoff request waited before a coach accepted it.");
    }

    public void Record(OutcomeEvent outcome)
    {
        var tags = new TagList { { "event.name", outcome.Name } };
        if (outcome.Team != null)
        {
            tags.Add("team", outcome.Team);
        }
        _events.Add(1, tags);

        if (outcome.DurationMs is long ms)
        {
            var teamTag = new TagList { { "team", outcome.Team ?? "unknown" } };
            if (outcome.Name == OutcomeEventNames.HandoffFirstReply)
            {
                _firstResponse.Record(ms / 1000.0, teamTag);
            }
            else if (outcome.Name == OutcomeEventNames.HandoffAccepted)
            {
                _queueWait.Record(ms / 1000.0, teamTag);
            }
        }
    }

    public void RecordWriteFailure(OutcomeEvent outcome) =>
        _writeFailures.Add(1, new KeyValuePair<string, object?>("event.name", outcome.Name));
}
