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
    public static readonly TimeSpan WriteEvery = TimeSpan.FromSeconds(10);

    /// <summary>Marks the coach's console as open now; returns the coach's record.</summary>
    public async Task<CoachRecord> SeenAsync(string coachId, CancellationToken cancellationToken)
    {
        var key = HandoffStore.CoachKey(coachId);
        var now = ops.Now;
        var me = await ops.Store.GetAsync<CoachRecord>(key, cancellationToken);
        if (me != null && !NeedsStamp(me, now))
        {
            return me;
        }
        return await ops.Store.TransactAsync([key], s =>
        {
            var record = s.Get<CoachRecord>(key) ?? new CoachRecord { CoachId = coachId };
            if (NeedsStamp(record, now))
            {
                record.ConsoleSeenAt = now;
                s.Put(key, record);
            }
            return record;
        }, cancellationToken);
    }

    /// <summary>
    /// A coach's turn in the console is a sign of life too (a typing coach whose panel stopped refreshing keeps the
    /// chat), but only once the console's refresh has marked them: coaches never seen stay "always present".
    /// </summary>
    public void SeenInTurn(CoachRecord record, string channelId)
    {
        if (record.ConsoleSeenAt != null && channelId == ops.Options.ConsoleChannelId && NeedsStamp(record, ops.Now))
        {
            record.ConsoleSeenAt = ops.Now;
        }
    }

    // Stamped when older than WriteEvery either way (another instance's clock may be ahead: no write per refresh),
    // and never while the coach is reached in Teams: a console tab left open must not make a Teams coach "absent".
    private bool NeedsStamp(CoachRecord record, DateTimeOffset now) =>
        (record.AgentReference == null || record.AgentReference.ChannelId == ops.Options.ConsoleChannelId)
        && (record.ConsoleSeenAt is not { } seen || (now - seen).Duration() >= WriteEvery);
}
