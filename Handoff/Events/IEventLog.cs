namespace ChatBot.Handoff.Events;

/// <summary>
/// The durable, append-only log of outcome events that the metrics are computed from.
/// One implementation per storage kind (SQLite, Blob, memory), chosen with Storage:Kind, so that
/// several instances sharing one store see one log.
/// </summary>
public interface IEventLog : IOutcomeEventSink
{
    /// <summary>
    /// Events with from &lt;= Timestamp &lt; to (compared as instants), oldest first; events with the same
    /// timestamp in the order they were appended. Appending an Id already in the log does nothing.
    /// </summary>
    IAsyncEnumerable<OutcomeEvent> ReadAsync(DateTimeOffset from, DateTimeOffset to, CancellationToken cancellationToken = default);

    /// <summary>
    /// Privacy requests: removes every event of this visitor, meaning every event carrying this VisitorId and
    /// every other event of the conversations in which one does (a coach's note carries no visitor id but is
    /// about them); returns how many were removed. Bot.Tests/Metrics/EventLogContractTests checks it.
    /// </summary>
    Task<int> DeleteVisitorAsync(string visitorId, CancellationToken cancellationToken = default);
}
