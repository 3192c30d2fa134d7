namespace ChatBot.Handoff.Storage;

/// <summary>A pointer from the queue index to a queued record; the record stays the truth.</summary>
public sealed class QueueEntry
{
    /// <summary>
    /// New each time a request enters the queue (first time, transfer, requeue): the clean-up after an accept removes
    /// only the entry it accepted, never the one a transfer on another instance has just put back for the same ticket.
    /// </summary>
    public string? EntryId { get; set; }

    public int Ticket { get; set; }
    public string RequestId { get; set; } = "";
    public string ChannelId { get; set; } = "";
    public string ConversationId { get; set; } = "";
    public string Team { get; set; } = "";
    public DateTimeOffset QueuedAt { get; set; }
    public DateTimeOffset Deadline { get; set; }
}
