namespace ChatBot.Handoff.Storage;

/// <summary>A pointer from the queue index to a queued record; the record stays the truth.</summary>
public sealed class QueueEntry
{
    public int Ticket { get; set; }
    public string RequestId { get; set; } = "";
    public string ChannelId { get; set; } = "";
    public string ConversationId { get; set; } = "";
    public string Team { get; set; } = "";
    public DateTimeOffset QueuedAt { get; set; }
    public DateTimeOffset Deadline { get; set; }
}
