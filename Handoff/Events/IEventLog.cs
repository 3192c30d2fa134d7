namespace ChatBot.Handoff.Events;

/// <summary>
/// The durable, append-only log of outcome events that the metrics are computed from.
/// One implementation per storage kind (SQLite, Blob, memory), chosen with Storage:Kind, so that
/// several instances sharing one store see one log.
/// </summary>
public interface IEventLog : IOutcomeEventSink
{
    /// <summary>Events with from &lt;= Timestamp &lt; to, oldest first.</summary>
    IAsyncEnumerable<OutcomeEvent> ReadAsync(DateTimeOffset from, DateTimeOffset to, CancellationToken cancellationToken = default);

    /// <summary>Privacy requests: removes every event of this visitor; returns how many were removed.</summary>
    Task<int> DeleteVisitorAsync(string visitorId, CancellationToken cancellationToken = default);
}
