using Microsoft.Bot.Builder;

namespace ChatBot.Handoff.Storage;

/// <summary>
/// The list of queued requests (IStorage cannot scan keys) and the ticket counter. Updated in the same
/// ETag-checked batch as the record it points to.
/// </summary>
public sealed class QueueIndex : IStoreItem
{
    public string? ETag { get; set; }
    public int NextTicket { get; set; } = 1;
    public List<QueueEntry> Entries { get; set; } = [];
    /// <summary>The last tickets taken and by whom, so a coach who lost an accept race is told who won.</summary>
    public List<TakenTicket> Taken { get; set; } = [];

    public void RecordTaken(int ticket, string team, string coachName, DateTimeOffset at)
    {
        Taken.RemoveAll(t => t.Ticket == ticket);
        Taken.Add(new TakenTicket { Ticket = ticket, Team = team, CoachName = coachName, At = at });
        if (Taken.Count > 50)
        {
            Taken.RemoveAt(0);
        }
    }

    /// <summary>1-based place in line within the team: earlier QueuedAt first, then lower ticket.</summary>
    public int PositionOf(QueueEntry entry) =>
        1 + Entries.Count(e => e.Team == entry.Team && e.Ticket != entry.Ticket &&
            (e.QueuedAt < entry.QueuedAt || (e.QueuedAt == entry.QueuedAt && e.Ticket < entry.Ticket)));

    public IEnumerable<QueueEntry> InLine() => Entries.OrderBy(e => e.QueuedAt).ThenBy(e => e.Ticket);
}
