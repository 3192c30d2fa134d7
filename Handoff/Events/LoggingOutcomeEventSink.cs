using Microsoft.Extensions.Logging;

namespace ChatBot.Handoff.Events;

/// <summary>
/// Used only when the host registers no other <see cref="IOutcomeEventSink"/> (the event log is registered by the
/// storage area): events then appear in the log instead of vanishing.
/// </summary>
public sealed class LoggingOutcomeEventSink(ILogger<LoggingOutcomeEventSink> logger) : IOutcomeEventSink
{
    public Task RecordAsync(OutcomeEvent outcome, CancellationToken cancellationToken = default)
    {
        logger.LogInformation("Outcome event {Event}", OutcomeEventJson.Serialize(outcome));
        return Task.CompletedTask;
    }
}
