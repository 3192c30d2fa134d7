using System.Runtime.CompilerServices;
using ChatBot.Handoff.Events;

namespace ChatBot.Events;

/// <summary>The event log for tests (Storage:Kind = Memory): same contract as <see cref="SqliteEventLog"/>, nothing kept.</summary>
public sealed class InMemoryEventLog : IEventLog
{
    private readonly object _gate = new();
    private readonly List<(long Seq, OutcomeEvent Event)> _events = [];
    private readonly HashSet<string> _ids = new(StringComparer.Ordinal);
    private long _seq;

    public Task RecordAsync(OutcomeEvent outcome, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(outcome);
        // Stored as JSON and read back, so a test sees exactly what a durable log would return.
        var copy = OutcomeEventJson.Deserialize(OutcomeEventJson.Serialize(outcome));
        lock (_gate)
        {
            if (_ids.Add(copy.Id))
            {
                _events.Add((++_seq, copy));
            }
        }
        return Task.CompletedTask;
    }

    public async IAsyncEnumerable<OutcomeEvent> ReadAsync(
        DateTimeOffset from, DateTimeOffset to, [EnumeratorCancellation] CancellationToken cancellationToken = default)
    {
        List<OutcomeEvent> selected;
        lock (_gate)
        {
            selected = _events
                .Where(x => x.Event.Timestamp >= from && x.Event.Timestamp < to)
                .OrderBy(x => x.Event.Timestamp.UtcTicks).ThenBy(x => x.Seq)
                .Select(x => x.Event)
                .ToList();
        }
        foreach (var e in selected)
        {
            cancellationToken.ThrowIfCancellationRequested();
            yield return e;
        }
        await Task.CompletedTask;
    }

    public Task<int> DeleteVisitorAsync(string visitorId, CancellationToken cancellationToken = default)
    {
        ArgumentException.ThrowIfNullOrEmpty(visitorId);
        lock (_gate)
        {
            var conversations = _events.Where(x => x.Event.VisitorId == visitorId)
                .Select(x => x.Event.ConversationId).ToHashSet(StringComparer.Ordinal);
            var removed = _events.RemoveAll(x => x.Event.VisitorId == visitorId || conversations.Contains(x.Event.ConversationId));
            _ids.Clear();
            _ids.UnionWith(_events.Select(x => x.Event.Id));
            return Task.FromResult(removed);
        }
    }
}
