using Microsoft.Bot.Builder;
using Microsoft.Bot.Schema;

namespace ChatBot.Handoff.Storage;

/// <summary>A coach's status, where to reach them (their agent conversation) and the chat they are in.</summary>
public sealed class CoachRecord : IStoreItem
{
    public string? ETag { get; set; }
    public string CoachId { get; set; } = "";
    public CoachStatus Status { get; set; } = CoachStatus.Available;
    /// <summary>The coach's own conversation with the bot (console or Teams), for alerts and relays.</summary>
    public ConversationReference? AgentReference { get; set; }
    /// <summary>
    /// The visitor conversation this coach is connected to, if any (one chat at a time). A pointer: it is written
    /// before the record that confirms it and cleared after, so readers trust it only when the record agrees
    /// (see <see cref="HandoffStore"/>).
    /// </summary>
    public string? ActiveRecordKey { get; set; }
    public int? ActiveTicket { get; set; }
    /// <summary>When the pointer was set: an unconfirmed pointer younger than <see cref="PointerLease"/> may be an accept in flight.</summary>
    public DateTimeOffset? ActiveSince { get; set; }

    public static readonly TimeSpan PointerLease = TimeSpan.FromSeconds(30);

    public void PointAt(string recordKey, int ticket, DateTimeOffset now)
    {
        ActiveRecordKey = recordKey;
        ActiveTicket = ticket;
        ActiveSince = now;
    }

    /// <summary>Clears the pointer if it still points at <paramref name="recordKey"/>; false when there was nothing to do.</summary>
    public bool Release(string recordKey)
    {
        if (ActiveRecordKey != recordKey)
        {
            return false;
        }
        ActiveRecordKey = null;
        ActiveTicket = null;
        ActiveSince = null;
        return true;
    }

    /// <summary>
    /// True when the coach is in a chat other than <paramref name="exceptKey"/>: the record the pointer names confirms it
    /// (<paramref name="pointed"/>, read with the pointer), or the pointer is young enough to be an accept in flight.
    /// </summary>
    public bool IsBusy(HandoffRecord? pointed, DateTimeOffset now, string? exceptKey = null) =>
        ActiveRecordKey != null && ActiveRecordKey != exceptKey &&
        (pointed is { State: HandoffState.Connected } && pointed.CoachId == CoachId || (ActiveSince is { } since && now - since < PointerLease));

    /// <summary>When the coach's console last refreshed its queue panel; null for a coach who never opened it (Teams).</summary>
    public DateTimeOffset? ConsoleSeenAt { get; set; }

    /// <summary>False once the console this coach opened has been closed (not seen) for longer than <paramref name="presence"/>.</summary>
    public bool IsPresent(DateTimeOffset now, TimeSpan presence) => ConsoleSeenAt is not { } seen || now - seen <= presence;

    public bool CanBeAlerted(DateTimeOffset now, TimeSpan presence) => Status == CoachStatus.Available && AgentReference != null && IsPresent(now, presence);
}
