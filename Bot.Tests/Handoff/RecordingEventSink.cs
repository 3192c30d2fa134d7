using System.Collections.Concurrent;
using ChatBot.Handoff.Events;

namespace ChatBot.Tests.Handoff;

public sealed class RecordingEventSink : IOutcomeEventSink
{
    private readonly ConcurrentQueue<OutcomeEvent> _events = new();

    public IReadOnlyList<OutcomeEvent> Events => _events.ToArray();

    public IEnumerable<OutcomeEvent> Named(string name) => Events.Where(e => e.Name == name);

    public Task RecordAsync(OutcomeEvent outcome, CancellationToken cancellationToken = default)
    {
        _events.Enqueue(outcome);
        return Task.CompletedTask;
    }
}
