using ChatBot.Handoff.Events;
using ChatBot.Handoff.External;
using ChatBot.Handoff.Middleware;
using ChatBot.Handoff.Options;
using ChatBot.Handoff.Storage;
using Microsoft.Bot.Builder;
using Microsoft.Bot.Schema;

namespace ChatBot.Handoff.Requests;

/// <summary>
/// Queues a visitor for a team: checks office hours and who is available, takes a ticket and a place in line in
/// one ETag-checked write with the queue index, tells the visitor, and alerts the team's available coaches.
/// </summary>
public sealed class HandoffRequester(HandoffOperations ops, ExternalHandoff external) : IHandoffRequester
{
    public async Task<HandoffRequestResult> RequestAsync(ITurnContext turnContext, HandoffRequest request, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(request);
        var team = ops.Directory.FindTeam(request.Team)
            ?? throw new ArgumentException($"Unknown handoff team '{request.Team}'. Configured: {string.Join(", ", ops.Directory.Teams.Select(t => t.Name))}.", nameof(request));
        var activity = turnContext.Activity;
        var key = HandoffStore.RecordKey(activity.ChannelId, activity.Conversation.Id);
        var now = ops.Now;

        string? missReason = null;
        if (ops.Options.Mode == HandoffMode.Local)
        {
            if (!ops.Directory.IsOpen(team.Name, now))
            {
                missReason = HandoffOutcomes.ClosedHours;
            }
            else if ((await ops.AvailableCoachesAsync(team.Name, except: null, cancellationToken)).Count == 0)
            {
                missReason = HandoffOutcomes.NobodyAvailable;
            }
        }

        var timeout = ops.Options.Mode == HandoffMode.External ? ops.Options.ExternalTimeoutSeconds : team.AcceptTimeoutSeconds;
        var fresh = NewRecord(activity, request, team.Name, now);
        var (record, status, position) = await ops.Store.TransactAsync([key, HandoffStore.QueueKey], s =>
        {
            var existing = s.Get<HandoffRecord>(key);
            if (existing?.OwnsConversation == true && existing.RequestId != fresh.RequestId)
            {
                // An entry an earlier run of this transaction wrote before losing the race is ours to clear.
                s.UpdateAfter<QueueIndex>(HandoffStore.QueueKey, index => index.Entries.RemoveAll(e => e.RequestId == fresh.RequestId) > 0);
                return (existing, HandoffRequestStatus.AlreadyInProgress, (int?)null);
            }
            var record = Clone(fresh);
            if (existing?.ETag != null)
            {
                record.ETag = existing.ETag;
            }
            if (missReason != null)
            {
                record.State = HandoffState.Closed;
                record.Outcome = HandoffOutcomes.Missed;
                record.MissedReason = missReason;
                record.ClosedAt = now;
                record.AwaitingFollowUpEmail = record.VisitorEmail == null;
                s.Put(key, record);
                return (record, HandoffRequestStatus.Missed, null);
            }
            var index = s.Get<QueueIndex>(HandoffStore.QueueKey) ?? new QueueIndex();
            record.State = HandoffState.Queued;
            record.External = ops.Options.Mode == HandoffMode.External;
            // A run that lost its record write after its entry was stored finds that entry: same ticket, same place.
            var earlier = index.Entries.FirstOrDefault(e => e.RequestId == record.RequestId);
            record.Ticket = earlier?.Ticket ?? index.NextTicket++;
            record.QueuedAt = earlier?.QueuedAt ?? now;
            record.AcceptDeadline = earlier?.Deadline ?? now.AddSeconds(timeout);
            var entry = HandoffOperations.EntryFor(record);
            index.Entries.RemoveAll(e => e.RequestId == record.RequestId);
            index.Entries.Add(entry);
            // The entry (and the ticket counter) first, then the record: a queued record always has its entry.
            s.PutBefore(HandoffStore.QueueKey, index);
            s.Put(key, record);
            return (record, record.External ? HandoffRequestStatus.Initiated : HandoffRequestStatus.Queued, index.PositionOf(entry));
        }, cancellationToken);

        if (status == HandoffRequestStatus.AlreadyInProgress)
        {
            return new HandoffRequestResult(status);
        }
        await ops.Events.RecordAsync(OutcomeEventNames.HandoffRequested, record, cancellationToken: cancellationToken);

        if (status == HandoffRequestStatus.Missed)
        {
            await HandoffTurn.SendOwnAsync(turnContext, HandoffTexts.Missed(missReason!, team.Name, record.VisitorEmail), cancellationToken);
            await ops.Events.RecordAsync(OutcomeEventNames.HandoffMissed, record, outcome: missReason, cancellationToken: cancellationToken);
            if (!record.AwaitingFollowUpEmail)
            {
                HandoffTurn.SetPendingEnded(turnContext, VisitorHandoff.EndedFor(record));
            }
            return new HandoffRequestResult(status, MissedReason: missReason);
        }

        // From here on the conversation is the handoff's: the guard drops anything else the bot sends this turn.
        HandoffTurn.SetOwned(turnContext, true);
        // The turn so far goes into the transcript now, so a coach who opens the queue at once sees the request.
        var turn = HandoffTurn.Activities(turnContext);
        await ops.Transcripts.AppendAsync(turn.ToList(), cancellationToken);
        turn.Clear();
        await ops.Events.RecordAsync(OutcomeEventNames.HandoffQueued, record, cancellationToken: cancellationToken);
        if (status == HandoffRequestStatus.Initiated)
        {
            await external.InitiateAsync(turnContext, record, cancellationToken);
            return new HandoffRequestResult(status);
        }

        await HandoffTurn.SendOwnAsync(turnContext, HandoffTexts.Queued(team.Name, position!.Value, team.AcceptTimeoutSeconds), cancellationToken);
        var coaches = await ops.AvailableCoachesAsync(team.Name, except: null, cancellationToken);
        await ops.AlertAsync(turnContext.Adapter, record, coaches, $"New {team.Name} request #{record.Ticket}: {HandoffTexts.Literal(HandoffOperations.VisitorLabel(record))} is waiting.", cancellationToken);
        return new HandoffRequestResult(status, position);
    }

    private static HandoffRecord NewRecord(IActivity activity, HandoffRequest request, string team, DateTimeOffset now) => new()
    {
        ChannelId = activity.ChannelId,
        ConversationId = activity.Conversation.Id,
        VisitorReference = activity.GetConversationReference(),
        VisitorId = activity.From?.Id,
        VisitorName = request.VisitorName,
        VisitorEmail = string.IsNullOrWhiteSpace(request.VisitorEmail) ? null : request.VisitorEmail.Trim(),
        RequestId = Guid.NewGuid().ToString("N"),
        Team = team,
        Reason = request.Reason,
        VisitorType = request.VisitorType,
        Intent = request.Intent,
        QualificationSummary = request.QualificationSummary,
        RequestedAt = now,
    };

    // The transaction may run more than once: each run starts from an untouched copy.
    private static HandoffRecord Clone(HandoffRecord r) => new()
    {
        ChannelId = r.ChannelId,
        ConversationId = r.ConversationId,
        VisitorReference = r.VisitorReference,
        VisitorId = r.VisitorId,
        VisitorName = r.VisitorName,
        VisitorEmail = r.VisitorEmail,
        RequestId = r.RequestId,
        Team = r.Team,
        Reason = r.Reason,
        VisitorType = r.VisitorType,
        Intent = r.Intent,
        QualificationSummary = r.QualificationSummary,
        RequestedAt = r.RequestedAt,
    };
}
