using ChatBot.Handoff.Storage;

namespace ChatBot.Handoff.Coaches;

/// <summary>
/// Whether a coach's console is open: the console refreshes its queue panel every 1.5 s, and each refresh marks the
/// coach as seen (stored, so every instance knows). A closed console stops being seen; past
/// Handoff:ConsolePresenceSeconds the coach gets no requests and the sweeper hands their chat back to the queue.
/// </summary>
public sealed class CoachPresence(HandoffOperations ops)
{
    /// <summary>At most one write per coach this often: far below the presence window, far above the refresh rate.</summary>
    public static readonly TimeSpan WriteEvery = TimeSpan.FromSeconds(15);

    /// <summary>Marks the coach's console as open now; returns the coach's record.</summary>
    public async Task<CoachRecord> SeenAsync(string coachId, CancellationToken cancellationToken)
    {
        var key = HandoffStore.CoachKey(coachId);
        var now = ops.Now;
        var me = await ops.Store.GetAsync<CoachRecord>(key, cancellationToken);
        if (me?.ConsoleSeenAt is { } seen && now - seen < WriteEvery && now >= seen)
        {
            return me;
        }
        return await ops.Store.TransactAsync([key], s =>
        {
            var record = s.Get<CoachRecord>(key) ?? new CoachRecord { CoachId = coachId };
            record.ConsoleSeenAt = now;
            s.Put(key, record);
            return record;
        }, cancellationToken);
    }
}
