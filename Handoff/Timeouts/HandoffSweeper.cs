using ChatBot.Handoff.Events;
using ChatBot.Handoff.Middleware;
using ChatBot.Handoff.Requests;
using ChatBot.Handoff.Storage;
using Microsoft.Bot.Builder;
using Microsoft.Bot.Schema;
using Microsoft.Extensions.Logging;

namespace ChatBot.Handoff.Timeouts;

/// <summary>
/// Closes requests nobody accepted in time (and external requests the hub never answered): the visitor is told
/// honestly and asked for an email, the request is closed as missed. Every instance may sweep: closing is an
/// ETag-checked write, so only one of them wins and tells the visitor.
/// </summary>
public sealed class HandoffSweeper(HandoffOperations ops, ILogger<HandoffSweeper> logger)
{
    /// <summary>One pass; returns how many requests this call closed.</summary>
    public async Task<int> SweepAsync(BotAdapter adapter, CancellationToken cancellationToken = default)
    {
        var now = ops.Now;
        var index = await ops.Store.GetQueueAsync(cancellationToken);
        var closedCount = 0;
        foreach (var entry in index.Entries.Where(e => e.Deadline <= now).ToList())
        {
            var key = HandoffStore.RecordKey(entry.ChannelId, entry.ConversationId);
            var closed = await ops.Store.TransactAsync([key, HandoffStore.QueueKey], s =>
            {
                var record = s.Get<HandoffRecord>(key);
                var queue = s.Get<QueueIndex>(HandoffStore.QueueKey) ?? new QueueIndex();
                var current = queue.Entries.FirstOrDefault(e => e.Ticket == entry.Ticket);
                if (current == null)
                {
                    return null;
                }
                if (record is not { State: HandoffState.Queued } || record.RequestId != current.RequestId)
                {
                    // A stale pointer (left by a stop half-way through a transaction, or by a lost race): the record is the
                    // truth. Only the sweeper removes these, and only past the entry's deadline, so an entry whose record
                    // is about to be written (a request or a requeue in flight) is never taken away from it.
                    queue.Entries.Remove(current);
                    s.Put(HandoffStore.QueueKey, queue);
                    return null;
                }
                if (record.AcceptDeadline > now)
                {
                    current.Deadline = record.AcceptDeadline;
                    s.Put(HandoffStore.QueueKey, queue);
                    return null;
                }
                record.State = HandoffState.Closed;
                record.Outcome = HandoffOutcomes.Missed;
                record.MissedReason = HandoffOutcomes.Timeout;
                record.ClosedAt = now;
                record.AwaitingFollowUpEmail = record.VisitorEmail == null;
                s.Put(key, record);
                // The entry goes once the record is closed (a queued record always has its entry).
                s.UpdateAfter<QueueIndex>(HandoffStore.QueueKey, index => index.Entries.RemoveAll(e => e.Ticket == entry.Ticket && e.RequestId == record.RequestId) > 0);
                return record;
            }, cancellationToken);
            if (closed == null)
            {
                continue;
            }
            closedCount++;
            await ops.Events.RecordAsync(OutcomeEventNames.HandoffMissed, closed, outcome: HandoffOutcomes.Timeout, cancellationToken: cancellationToken);
            if (closed.VisitorReference != null)
            {
                await ops.Relay.SendAsync(adapter, closed.VisitorReference, MessageFactory.Text(HandoffTexts.Missed(HandoffOutcomes.Timeout, closed.Team, closed.VisitorEmail)), cancellationToken);
                if (!closed.AwaitingFollowUpEmail)
                {
                    await ops.Relay.RaiseEndedAsync(adapter, closed.VisitorReference, VisitorHandoff.EndedFor(closed), cancellationToken);
                }
            }
            await ops.NotifyAlertedAsync(adapter, closed, $"Request #{closed.Ticket} expired: nobody accepted it in time.", except: null, cancellationToken);
        }
        await RequeueChatsOfClosedConsolesAsync(adapter, now, cancellationToken);
        return closedCount;
    }

    /// <summary>
    /// A coach whose console has been closed past Handoff:ConsolePresenceSeconds cannot read the visitor: the chat goes
    /// back to the queue (keeping its place), the visitor is told, and the team's present coaches are alerted.
    /// </summary>
    private async Task RequeueChatsOfClosedConsolesAsync(BotAdapter adapter, DateTimeOffset now, CancellationToken cancellationToken)
    {
        foreach (var coach in ops.Directory.Coaches)
        {
            var me = await ops.Store.GetAsync<CoachRecord>(HandoffStore.CoachKey(coach.Id), cancellationToken);
            if (me?.ActiveRecordKey == null || me.IsPresent(now, ops.ConsolePresence))
            {
                continue;
            }
            try
            {
                var chat = await ops.Store.GetAsync<HandoffRecord>(me.ActiveRecordKey, cancellationToken);
                if (chat is { State: HandoffState.Connected } && chat.CoachId == coach.Id)
                {
                    await ops.RequeueAsync(adapter, chat, coach.Id, tellVisitor: true, cancellationToken, onlyIfConsoleClosed: true);
                }
            }
            catch (Exception e) when (e is not OperationCanceledException)
            {
                // One coach's trouble must not keep the others' chats stranded until the next pass.
                logger.LogWarning(e, "Could not hand back the chat of coach {CoachId}, whose console is closed", coach.Id);
            }
        }
    }
}
