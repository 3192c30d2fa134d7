using ChatBot.Handoff.Events;

namespace ChatBot.Tests.Metrics;

/// <summary>Writes a conversation's events at given offsets (seconds) from its start, in order.</summary>
internal sealed class EventScript(string conversationId, DateTimeOffset start)
{
    private readonly List<OutcomeEvent> _events = [];

    public IReadOnlyList<OutcomeEvent> Events => _events;

    public EventScript At(double seconds, string name, Func<OutcomeEvent, OutcomeEvent>? fill = null)
    {
        var e = new OutcomeEvent
        {
            Name = name,
            Timestamp = start.AddSeconds(seconds),
            ConversationId = conversationId,
            VisitorId = "visitor-" + conversationId,
            Channel = "test",
        };
        _events.Add(fill == null ? e : fill(e));
        return this;
    }
}
