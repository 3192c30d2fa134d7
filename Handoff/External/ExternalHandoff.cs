using ChatBot.Handoff.Events;
using ChatBot.Handoff.Middleware;
using ChatBot.Handoff.Requests;
using ChatBot.Handoff.Storage;
using ChatBot.Handoff.Transcripts;
using Microsoft.Bot.Builder;
using Microsoft.Bot.Schema;
using Newtonsoft.Json.Linq;

namespace ChatBot.Handoff.External;

/// <summary>
/// Handoff:Mode External: the Bot Framework handoff protocol for an agent hub (e.g. Dynamics 365 Omnichannel).
/// We send handoff.initiate (routing context + transcript) and follow the hub's handoff.status events
/// (accepted, failed, completed); our own timeout covers hubs that never answer.
/// </summary>
public sealed class ExternalHandoff(HandoffOperations ops)
{
    public const string AgentId = "external";

    public async Task InitiateAsync(ITurnContext turnContext, HandoffRecord record, CancellationToken cancellationToken)
    {
        // The requester stored this turn's messages when it queued the request, so the store has everything.
        var lines = await ops.Transcripts.ReadAsync(record.ChannelId, record.ConversationId, cancellationToken);
        // The most recent Handoff:TranscriptTurns lines: the hub's payload stays bounded however long the chat was.
        var transcript = new Transcript(lines.TakeLast(ops.Options.TranscriptTurns).Select(l => ToActivity(turnContext, l)).ToList());
        var context = new
        {
            skill = record.Team,
            team = record.Team,
            ticket = record.Ticket,
            reason = record.Reason,
            visitorType = record.VisitorType,
            intent = record.Intent,
            qualificationSummary = record.QualificationSummary,
            visitorName = record.VisitorName,
        };
        await HandoffTurn.SendOwnAsync(turnContext, HandoffTexts.ExternalInitiated(record.Team), cancellationToken);
        await HandoffTurn.SendOwnAsync(turnContext, EventFactory.CreateHandoffInitiation(turnContext, context, transcript), cancellationToken);
    }

    /// <summary>A handoff.status event from the hub on the visitor's conversation.</summary>
    public async Task OnStatusAsync(ITurnContext turnContext, HandoffRecord? record, CancellationToken cancellationToken)
    {
        var state = (turnContext.Activity.Value as JObject)?["state"]?.ToString()?.ToLowerInvariant()
            ?? (turnContext.Activity.Value is string s ? s.ToLowerInvariant() : null);
        if (record is not { External: true } || !record.OwnsConversation || state == null)
        {
            return;
        }
        var key = HandoffOperations.KeyOf(record);
        var now = ops.Now;
        var updated = await ops.Store.TransactAsync([key, HandoffStore.QueueKey], snapshot =>
        {
            var current = snapshot.Get<HandoffRecord>(key);
            if (current is not { External: true } || !current.OwnsConversation || current.RequestId != record.RequestId)
            {
                return null;
            }
            switch (state)
            {
                case HandoffStates.Accepted when current.State == HandoffState.Queued:
                    current.State = HandoffState.Connected;
                    current.CoachId = AgentId;
                    current.AcceptedAt = now;
                    break;
                case HandoffStates.Failed:
                    current.State = HandoffState.Closed;
                    current.Outcome = HandoffOutcomes.Missed;
                    current.MissedReason = HandoffOutcomes.Failed;
                    current.AwaitingFollowUpEmail = current.VisitorEmail == null;
                    current.ClosedAt = now;
                    break;
                case HandoffStates.Completed:
                    current.State = HandoffState.Closed;
                    current.Outcome = HandoffOutcomes.Resolved;
                    current.ClosedAt = now;
                    break;
                default:
                    return null;
            }
            snapshot.Put(key, current);
            var ticket = current.Ticket;
            snapshot.UpdateAfter<QueueIndex>(HandoffStore.QueueKey, index => index.Entries.RemoveAll(e => e.Ticket == ticket) > 0);
            return current;
        }, cancellationToken);
        if (updated == null)
        {
            return;
        }
        switch (state)
        {
            case HandoffStates.Accepted:
                await ops.Events.RecordAsync(OutcomeEventNames.HandoffAccepted, updated, coachId: AgentId,
                    durationMs: HandoffEvents.Ms(updated.QueuedAt, now), cancellationToken: cancellationToken);
                break;
            case HandoffStates.Failed:
                HandoffTurn.SetOwned(turnContext, false);
                await HandoffTurn.SendOwnAsync(turnContext, HandoffTexts.Missed(HandoffOutcomes.Failed, updated.Team, updated.VisitorEmail), cancellationToken);
                await ops.Events.RecordAsync(OutcomeEventNames.HandoffMissed, updated, outcome: HandoffOutcomes.Failed, cancellationToken: cancellationToken);
                if (!updated.AwaitingFollowUpEmail)
                {
                    HandoffTurn.SetPendingEnded(turnContext, VisitorHandoff.EndedFor(updated));
                }
                break;
            case HandoffStates.Completed:
                HandoffTurn.SetOwned(turnContext, false);
                await ops.Events.RecordAsync(OutcomeEventNames.HandoffEnded, updated, coachId: AgentId, outcome: HandoffOutcomes.Resolved,
                    durationMs: HandoffEvents.Ms(updated.AcceptedAt ?? now, now), cancellationToken: cancellationToken);
                HandoffTurn.SetPendingEnded(turnContext, VisitorHandoff.EndedFor(updated));
                break;
        }
    }

    private static Activity ToActivity(ITurnContext turnContext, TranscriptLine line)
    {
        var activity = MessageFactory.Text(line.Text);
        activity.Timestamp = line.At;
        activity.From = line.Role == TranscriptLine.Visitor
            ? turnContext.Activity.From
            : new ChannelAccount(turnContext.Activity.Recipient?.Id, line.Name ?? turnContext.Activity.Recipient?.Name, line.Role == TranscriptLine.Bot ? RoleTypes.Bot : null);
        return activity;
    }
}
