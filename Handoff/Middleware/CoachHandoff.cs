using ChatBot.Handoff.Privacy;
using System.Text;
using ChatBot.Handoff.Commands;
using ChatBot.Handoff.Console;
using ChatBot.Handoff.Events;
using ChatBot.Handoff.Options;
using ChatBot.Handoff.Requests;
using ChatBot.Handoff.Storage;
using ChatBot.Handoff.Transcripts;
using Microsoft.Bot.Builder;
using Microsoft.Bot.Schema;

namespace ChatBot.Handoff.Middleware;

/// <summary>
/// The coach's side: every turn of a configured coach's agent conversation lands here and never reaches the bot.
/// Commands change the shared records with ETag-checked writes; anything else is relayed to the one visitor the
/// coach is connected to.
/// </summary>
public sealed class CoachHandoff(HandoffOperations ops, HandoffQueueView queue, ChatBot.Handoff.Coaches.CoachPresence presence)
{
    public const string HelloEvent = "coach.hello";

    public async Task OnTurnAsync(ITurnContext turnContext, CoachOptions coach, CancellationToken cancellationToken)
    {
        var me = await RegisterAsync(turnContext, coach, cancellationToken);
        var activity = turnContext.Activity;
        if (ops.Options.Mode == HandoffMode.External)
        {
            if (activity.Type == ActivityTypes.Message)
            {
                await turnContext.SendActivityAsync("Handoff runs through the external agent hub (Handoff:Mode External); there is no local queue.", cancellationToken: cancellationToken);
            }
            return;
        }
        if (activity.Type == ActivityTypes.Event && activity.Name == HelloEvent)
        {
            await turnContext.SendActivityAsync(await StatusLineAsync(coach, me, cancellationToken), cancellationToken: cancellationToken);
            await CatchUpAsync(turnContext, coach, me, cancellationToken);
            return;
        }
        if (activity.Type == ActivityTypes.Typing && me.ActiveRecordKey != null)
        {
            await RelayToVisitorAsync(turnContext, coach, me, new Activity(ActivityTypes.Typing), cancellationToken);
            return;
        }
        if (activity.Type != ActivityTypes.Message)
        {
            return;
        }

        var command = CoachCommandParser.Parse(activity.Text);
        switch (command?.Kind)
        {
            case null:
                if (me.ActiveRecordKey == null)
                {
                    await turnContext.SendActivityAsync(HandoffTexts.NotInChat, cancellationToken: cancellationToken);
                    return;
                }
                var message = MessageFactory.Text(HandoffTexts.FromCoach(coach.Name, activity.Text));
                TranscriptStoreHandoffTranscripts.MarkFromCoach(message, coach.Name);
                if (activity.Attachments?.Count > 0)
                {
                    message.Attachments = activity.Attachments.ToList();
                }
                await RelayToVisitorAsync(turnContext, coach, me, message, cancellationToken);
                return;
            case CoachCommandKind.Help:
                await turnContext.SendActivityAsync(HandoffTexts.CoachHelp, cancellationToken: cancellationToken);
                return;
            case CoachCommandKind.Queue:
                await ShowQueueAsync(turnContext, cancellationToken);
                return;
            case CoachCommandKind.Available:
            case CoachCommandKind.Away:
                await SetStatusAsync(turnContext, coach, command.Kind == CoachCommandKind.Available ? CoachStatus.Available : CoachStatus.Away, cancellationToken);
                return;
            case CoachCommandKind.Accept:
                await AcceptAsync(turnContext, coach, command.Ticket, cancellationToken);
                return;
            case CoachCommandKind.End:
                await EndAsync(turnContext, coach, command.Argument!, cancellationToken);
                return;
            case CoachCommandKind.Note:
                await NoteAsync(turnContext, coach, command.Argument!, cancellationToken);
                return;
            case CoachCommandKind.Transfer:
                await TransferAsync(turnContext, coach, command.Argument!, cancellationToken);
                return;
        }
    }

    /// <summary>Keeps the coach's agent conversation reference current (writes only when it changed).</summary>
    private async Task<CoachRecord> RegisterAsync(ITurnContext turnContext, CoachOptions coach, CancellationToken cancellationToken)
    {
        var key = HandoffStore.CoachKey(coach.Id);
        var reference = turnContext.Activity.GetConversationReference();
        return await ops.Store.TransactAsync([key], s =>
        {
            var record = s.Get<CoachRecord>(key) ?? new CoachRecord { CoachId = coach.Id };
            var seenAt = record.ConsoleSeenAt;
            presence.SeenInTurn(record, reference.ChannelId);
            var changed = seenAt != record.ConsoleSeenAt;
            if (record.AgentReference?.Conversation?.Id != reference.Conversation?.Id || record.AgentReference?.ServiceUrl != reference.ServiceUrl)
            {
                record.AgentReference = reference;
                if (reference.ChannelId != ops.Options.ConsoleChannelId)
                {
                    // Now reached elsewhere (Teams), where there is no console to be seen: present while reachable.
                    record.ConsoleSeenAt = null;
                }
                changed = true;
            }
            if (changed)
            {
                s.Put(key, record);
            }
            return record;
        }, cancellationToken);
    }

    /// <summary>
    /// A console opened again while its coach is in a chat (a reload, a new tab): the messages relayed in between went
    /// to the old console, so the whole transcript comes again.
    /// </summary>
    private async Task CatchUpAsync(ITurnContext turnContext, CoachOptions coach, CoachRecord me, CancellationToken cancellationToken)
    {
        if (me.ActiveRecordKey == null)
        {
            return;
        }
        var record = await ops.Store.GetAsync<HandoffRecord>(me.ActiveRecordKey, cancellationToken);
        if (record is not { State: HandoffState.Connected } || record.CoachId != coach.Id)
        {
            return;
        }
        foreach (var part in await ops.RenderHistoryAsync(record, cancellationToken))
        {
            await turnContext.SendActivityAsync(VisitorCopies.About(MessageFactory.Text(part), record), cancellationToken);
        }
    }

    private async Task<string> StatusLineAsync(CoachOptions coach, CoachRecord me, CancellationToken cancellationToken)
    {
        var index = await ops.Store.GetQueueAsync(cancellationToken);
        var waiting = index.Entries.Count(e => e.Team == coach.Team);
        var status = me.Status == CoachStatus.Available ? "available" : "away";
        var chat = me.ActiveTicket != null ? $" You're in chat #{me.ActiveTicket}." : "";
        return $"Hi {coach.Name}, you're {status} for {coach.Team}.{chat} Waiting for {coach.Team}: {waiting}. {HandoffTexts.CoachHelp}";
    }

    private async Task SetStatusAsync(ITurnContext turnContext, CoachOptions coach, CoachStatus status, CancellationToken cancellationToken)
    {
        var key = HandoffStore.CoachKey(coach.Id);
        var me = await ops.Store.TransactAsync([key], s =>
        {
            var record = s.Get<CoachRecord>(key) ?? new CoachRecord { CoachId = coach.Id };
            record.Status = status;
            s.Put(key, record);
            return record;
        }, cancellationToken);
        await turnContext.SendActivityAsync(status == CoachStatus.Away
            ? "You're away: you won't get new alerts. Type available when you're back."
            : await StatusLineAsync(coach, me, cancellationToken), cancellationToken: cancellationToken);
    }

    private async Task ShowQueueAsync(ITurnContext turnContext, CancellationToken cancellationToken)
    {
        var waiting = await queue.ListAsync(cancellationToken);
        if (waiting.Count == 0)
        {
            await turnContext.SendActivityAsync("Nobody is waiting.", cancellationToken: cancellationToken);
            return;
        }
        var text = new StringBuilder();
        foreach (var w in waiting)
        {
            var details = string.Join(" · ", new[] { w.VisitorName, w.VisitorType, w.Intent, w.Reason, w.QualificationSummary }
                .Where(p => !string.IsNullOrWhiteSpace(p)).Select(HandoffTexts.Literal));
            text.AppendLine($"#{w.Ticket} · {w.Team} · waiting {Wait(TimeSpan.FromSeconds(w.WaitingSeconds))} · {(details.Length > 0 ? details : "No details from the bot.")}");
            text.AppendLine($"  last: {string.Join(" / ", w.LastMessages.Select(m => $"\"{HandoffTexts.Literal(m)}\"").DefaultIfEmpty("(nothing yet)"))}");
        }
        var reply = VisitorCopies.About(MessageFactory.Text(text.ToString().TrimEnd()), waiting.Select(w => w.ConversationKey));
        reply.SuggestedActions = new SuggestedActions
        {
            Actions = waiting.Select(w => new CardAction(ActionTypes.ImBack, $"accept {w.Ticket}", value: $"accept {w.Ticket}")).ToList(),
        };
        await turnContext.SendActivityAsync(reply, cancellationToken);
    }

    private async Task AcceptAsync(ITurnContext turnContext, CoachOptions coach, int? ticket, CancellationToken cancellationToken)
    {
        var index = await ops.Store.GetQueueAsync(cancellationToken);
        var candidates = ticket == null
            ? index.InLine().Where(e => e.Team == coach.Team).ToList()
            : index.Entries.Where(e => e.Ticket == ticket).ToList();
        foreach (var entry in candidates)
        {
            // The index is a list of pointers: skip the ones whose record is not waiting (never remove them here, an
            // entry may be written just before its record; the sweeper clears stale ones past their deadline).
            var key = HandoffStore.RecordKey(entry.ChannelId, entry.ConversationId);
            var waiting = await ops.Store.GetAsync<HandoffRecord>(key, cancellationToken);
            if (waiting is { State: HandoffState.Queued } && waiting.RequestId == entry.RequestId)
            {
                await AcceptEntryAsync(turnContext, coach, entry, cancellationToken);
                return;
            }
            if (waiting is { State: HandoffState.Connected } && waiting.RequestId == entry.RequestId)
            {
                // Taken a moment ago (its entry goes right after): the coach who reacted to it learns by whom.
                await turnContext.SendActivityAsync(HandoffTexts.Taken(entry.Ticket, waiting.CoachName ?? "another coach"), cancellationToken: cancellationToken);
                return;
            }
        }

        // Whoever lost a race for "accept next" learns who took the request they were reacting to.
        var taken = ticket == null
            ? index.Taken.LastOrDefault(t => t.Team == coach.Team && ops.Now - t.At < TimeSpan.FromMinutes(1))
            : index.Taken.FirstOrDefault(t => t.Ticket == ticket);
        await turnContext.SendActivityAsync(
            ticket == null ? $"Nobody is waiting for {coach.Team}." + (taken != null ? " " + HandoffTexts.Taken(taken.Ticket, taken.CoachName) : "") :
            taken != null ? HandoffTexts.Taken(ticket.Value, taken.CoachName) : $"Request #{ticket} is not waiting. Type queue to see who is.",
            cancellationToken: cancellationToken);
    }

    private enum AcceptOutcome
    {
        Won,
        AlreadyYours,
        Busy,
        Taken,
        NotWaiting,
        PointerMoved,
    }

    /// <summary>
    /// The accept race: the coach's pointer is written first, then the record (the deciding write, so exactly one coach
    /// wins), then the queue entry goes. Two coaches on two instances: one record write succeeds, the other conflicts,
    /// runs again, sees the winner in the record and clears its own pointer.
    /// </summary>
    private async Task AcceptEntryAsync(ITurnContext turnContext, CoachOptions coach, QueueEntry entry, CancellationToken cancellationToken)
    {
        var key = HandoffStore.RecordKey(entry.ChannelId, entry.ConversationId);
        var coachKey = HandoffStore.CoachKey(coach.Id);
        for (var attempt = 1; ; attempt++)
        {
            // The chat the coach's pointer names (if another) is read in the same transaction, to tell a real chat
            // from a stale pointer.
            var before = await ops.Store.GetAsync<CoachRecord>(coachKey, cancellationToken);
            var otherKey = before?.ActiveRecordKey is { } active && active != key ? active : null;
            var keys = otherKey == null ? new[] { key, HandoffStore.QueueKey, coachKey } : [key, HandoffStore.QueueKey, coachKey, otherKey];
            var now = ops.Now;
            var (outcome, record, busyWith) = await ops.Store.TransactAsync(keys, s =>
            {
                var current = s.Get<HandoffRecord>(key);
                var me = s.Get<CoachRecord>(coachKey) ?? new CoachRecord { CoachId = coach.Id };
                if (me.ActiveRecordKey != null && me.ActiveRecordKey != key && me.ActiveRecordKey != otherKey)
                {
                    return (AcceptOutcome.PointerMoved, current, (int?)null);
                }
                if (me.IsBusy(otherKey == null ? null : s.Get<HandoffRecord>(otherKey), now, exceptKey: key))
                {
                    return (AcceptOutcome.Busy, current, me.ActiveTicket);
                }
                if (current is { State: HandoffState.Connected } && current.CoachId == coach.Id && current.RequestId == entry.RequestId)
                {
                    return (AcceptOutcome.AlreadyYours, current, null);
                }
                if (current is not { State: HandoffState.Queued } || current.RequestId != entry.RequestId)
                {
                    // Lost (or it stopped waiting): a pointer an earlier run wrote is ours to clear.
                    s.UpdateAfter<CoachRecord>(coachKey, mine => mine.Release(key));
                    return (current is { State: HandoffState.Connected } && current.RequestId == entry.RequestId ? AcceptOutcome.Taken : AcceptOutcome.NotWaiting, current, null);
                }
                current.State = HandoffState.Connected;
                current.CoachId = coach.Id;
                current.CoachName = coach.Name;
                current.AcceptedAt ??= now;
                me.PointAt(key, current.Ticket, now);
                s.PutBefore(coachKey, me);
                s.Put(key, current);
                var won = current;
                s.UpdateAfter<QueueIndex>(HandoffStore.QueueKey, queue =>
                {
                    queue.Entries.RemoveAll(e => e.Ticket == won.Ticket && e.EntryId == entry.EntryId);
                    queue.RecordTaken(won.Ticket, won.Team, coach.Name, now);
                    return true;
                });
                return (AcceptOutcome.Won, current, null);
            }, cancellationToken);

            switch (outcome)
            {
                case AcceptOutcome.PointerMoved when attempt < 10:
                    continue;
                case AcceptOutcome.Won:
                    await AfterAcceptAsync(turnContext, coach, key, record!, now, cancellationToken);
                    return;
                case AcceptOutcome.AlreadyYours:
                    await turnContext.SendActivityAsync($"You're already connected to #{record!.Ticket}.", cancellationToken: cancellationToken);
                    return;
                case AcceptOutcome.Busy:
                    await turnContext.SendActivityAsync(busyWith != null ? $"You're already in chat #{busyWith}. End or transfer it first." : "You're already in a chat. End or transfer it first.", cancellationToken: cancellationToken);
                    return;
                case AcceptOutcome.Taken:
                    await turnContext.SendActivityAsync(HandoffTexts.Taken(entry.Ticket, record!.CoachName ?? "another coach"), cancellationToken: cancellationToken);
                    return;
                default:
                    await turnContext.SendActivityAsync($"Request #{entry.Ticket} is no longer waiting.", cancellationToken: cancellationToken);
                    return;
            }
        }
    }

    private async Task AfterAcceptAsync(ITurnContext turnContext, CoachOptions coach, string key, HandoffRecord record, DateTimeOffset now, CancellationToken cancellationToken)
    {
        // One chat at a time even if this coach accepted twice at once on two instances: the pointer names one chat;
        // a won record the pointer does not name goes back to the queue.
        var me = await ops.Store.GetAsync<CoachRecord>(HandoffStore.CoachKey(coach.Id), cancellationToken);
        if (me?.ActiveRecordKey != key)
        {
            await ops.RequeueAsync(turnContext.Adapter, record, coach.Id, tellVisitor: false, cancellationToken);
            await turnContext.SendActivityAsync($"You're already in chat #{me?.ActiveTicket}; #{record.Ticket} went back to the queue.", cancellationToken: cancellationToken);
            return;
        }
        await ops.Events.RecordAsync(OutcomeEventNames.HandoffAccepted, record, coachId: coach.Id,
            durationMs: HandoffEvents.Ms(record.QueuedAt, now), cancellationToken: cancellationToken);
        foreach (var part in await ops.RenderHistoryAsync(record, cancellationToken))
        {
            await turnContext.SendActivityAsync(VisitorCopies.About(MessageFactory.Text(part), record), cancellationToken);
        }
        await turnContext.SendActivityAsync(VisitorCopies.About(MessageFactory.Text($"You're connected to {HandoffTexts.Literal(HandoffOperations.VisitorLabel(record))} (#{record.Ticket}). Type to chat; end qualified, end not-qualified or end resolved when you're done."), record), cancellationToken);
        var visitorTold = await ops.Relay.SendAsync(turnContext.Adapter, record.VisitorReference!, MessageFactory.Text(HandoffTexts.Connected(coach.Name, coach.Team)), cancellationToken);
        if (!visitorTold)
        {
            await turnContext.SendActivityAsync($"The visitor of #{record.Ticket} can't be reached any more; the request went back to the queue.", cancellationToken: cancellationToken);
            await ops.RequeueAsync(turnContext.Adapter, record, coach.Id, tellVisitor: false, cancellationToken);
            return;
        }
        await ops.NotifyAlertedAsync(turnContext.Adapter, record, $"Request #{record.Ticket} was taken by {coach.Name}.", except: coach.Id, cancellationToken);
    }

    /// <summary>The record of the chat this coach is connected to, or null (after telling the coach).</summary>
    private async Task<HandoffRecord?> ActiveChatAsync(ITurnContext turnContext, CoachOptions coach, CoachRecord me, CancellationToken cancellationToken)
    {
        var record = me.ActiveRecordKey == null ? null : await ops.Store.GetAsync<HandoffRecord>(me.ActiveRecordKey, cancellationToken);
        if (record is { State: HandoffState.Connected } && record.CoachId == coach.Id)
        {
            return record;
        }
        await turnContext.SendActivityAsync(HandoffTexts.NotInChat, cancellationToken: cancellationToken);
        return null;
    }

    private async Task RelayToVisitorAsync(ITurnContext turnContext, CoachOptions coach, CoachRecord me, Activity message, CancellationToken cancellationToken)
    {
        var record = await ActiveChatAsync(turnContext, coach, me, cancellationToken);
        if (record == null)
        {
            return;
        }
        if (!await ops.Relay.SendAsync(turnContext.Adapter, record.VisitorReference!, message, cancellationToken))
        {
            if (message.Type == ActivityTypes.Message)
            {
                await turnContext.SendActivityAsync($"Your message could not be delivered: the visitor's conversation is gone. Request #{record.Ticket} went back to the queue.", cancellationToken: cancellationToken);
                await ops.RequeueAsync(turnContext.Adapter, record, coach.Id, tellVisitor: false, cancellationToken);
            }
            return;
        }
        if (message.Type != ActivityTypes.Message)
        {
            return;
        }
        // The relayed message is in the visitor's transcript already: TranscriptLoggerMiddleware logged the relay's turn.
        var now = ops.Now;
        if (record.FirstReplyAt == null)
        {
            var key = HandoffOperations.KeyOf(record);
            var first = await ops.Store.TransactAsync([key], s =>
            {
                var current = s.Get<HandoffRecord>(key);
                if (current == null || current.RequestId != record.RequestId || current.FirstReplyAt != null)
                {
                    return null;
                }
                current.FirstReplyAt = now;
                s.Put(key, current);
                return current;
            }, cancellationToken);
            if (first != null)
            {
                await ops.Events.RecordAsync(OutcomeEventNames.HandoffFirstReply, first, coachId: coach.Id,
                    durationMs: HandoffEvents.Ms(first.RequestedAt, now), cancellationToken: cancellationToken);
            }
        }
    }

    private async Task EndAsync(ITurnContext turnContext, CoachOptions coach, string outcome, CancellationToken cancellationToken)
    {
        var coachKey = HandoffStore.CoachKey(coach.Id);
        var me = await ops.Store.GetAsync<CoachRecord>(coachKey, cancellationToken) ?? new CoachRecord { CoachId = coach.Id };
        var active = await ActiveChatAsync(turnContext, coach, me, cancellationToken);
        if (active == null)
        {
            return;
        }
        var key = HandoffOperations.KeyOf(active);
        var now = ops.Now;
        var closed = await ops.Store.TransactAsync([key, coachKey], s =>
        {
            var current = s.Get<HandoffRecord>(key);
            if (current is not { State: HandoffState.Connected } || current.CoachId != coach.Id || current.RequestId != active.RequestId)
            {
                return null;
            }
            current.State = HandoffState.Closed;
            current.Outcome = outcome;
            current.ClosedAt = now;
            s.Put(key, current);
            s.UpdateAfter<CoachRecord>(coachKey, mine => mine.Release(key));
            return current;
        }, cancellationToken);
        if (closed == null)
        {
            await turnContext.SendActivityAsync(HandoffTexts.NotInChat, cancellationToken: cancellationToken);
            return;
        }
        await turnContext.SendActivityAsync($"Chat #{closed.Ticket} ended ({outcome}).", cancellationToken: cancellationToken);
        await ops.Events.RecordAsync(OutcomeEventNames.HandoffEnded, closed, coachId: coach.Id, outcome: outcome,
            durationMs: HandoffEvents.Ms(closed.AcceptedAt ?? now, now),
            qualified: outcome switch { HandoffOutcomes.Qualified => true, HandoffOutcomes.NotQualified => false, _ => null },
            cancellationToken: cancellationToken);
        await ops.Relay.SendAsync(turnContext.Adapter, closed.VisitorReference!, MessageFactory.Text(HandoffTexts.CoachLeft(coach.Name)), cancellationToken);
        await ops.Relay.RaiseEndedAsync(turnContext.Adapter, closed.VisitorReference!, VisitorHandoff.EndedFor(closed), cancellationToken);
    }

    private async Task NoteAsync(ITurnContext turnContext, CoachOptions coach, string text, CancellationToken cancellationToken)
    {
        var me = await ops.Store.GetAsync<CoachRecord>(HandoffStore.CoachKey(coach.Id), cancellationToken) ?? new CoachRecord { CoachId = coach.Id };
        var active = await ActiveChatAsync(turnContext, coach, me, cancellationToken);
        if (active == null)
        {
            return;
        }
        var key = HandoffOperations.KeyOf(active);
        var now = ops.Now;
        var noted = await ops.Store.TransactAsync([key], s =>
        {
            var current = s.Get<HandoffRecord>(key);
            if (current is not { State: HandoffState.Connected } || current.CoachId != coach.Id)
            {
                return null;
            }
            current.Notes.Add(new HandoffNote { CoachId = coach.Id, At = now, Text = text });
            s.Put(key, current);
            return current;
        }, cancellationToken);
        if (noted == null)
        {
            await turnContext.SendActivityAsync(HandoffTexts.NotInChat, cancellationToken: cancellationToken);
            return;
        }
        await ops.Events.RecordAsync(OutcomeEventNames.HandoffNote, noted, coachId: coach.Id, cancellationToken: cancellationToken);
        await turnContext.SendActivityAsync($"Note added to #{noted.Ticket}. The visitor doesn't see notes.", cancellationToken: cancellationToken);
    }

    private async Task TransferAsync(ITurnContext turnContext, CoachOptions coach, string target, CancellationToken cancellationToken)
    {
        var coachKey = HandoffStore.CoachKey(coach.Id);
        var me = await ops.Store.GetAsync<CoachRecord>(coachKey, cancellationToken) ?? new CoachRecord { CoachId = coach.Id };
        var active = await ActiveChatAsync(turnContext, coach, me, cancellationToken);
        if (active == null)
        {
            return;
        }
        var team = ops.Directory.FindTeam(target);
        var toCoach = team == null ? ops.Directory.Find(target) : null;
        if (team == null && toCoach == null)
        {
            await turnContext.SendActivityAsync(
                $"There is no team or coach '{target}'. Teams: {string.Join(", ", ops.Directory.Teams.Select(t => t.Name))}. Coaches: {string.Join(", ", ops.Directory.Coaches.Select(c => c.Id))}.",
                cancellationToken: cancellationToken);
            return;
        }
        if (toCoach != null)
        {
            await TransferToCoachAsync(turnContext, coach, active, toCoach, cancellationToken);
            return;
        }

        var now = ops.Now;
        var available = await ops.AvailableCoachesAsync(team!.Name, except: coach.Id, cancellationToken);
        if (!ops.Directory.IsOpen(team.Name, now) || available.Count == 0)
        {
            await turnContext.SendActivityAsync($"Nobody in {team.Name} can take it right now; the chat stays with you.", cancellationToken: cancellationToken);
            return;
        }
        var key = HandoffOperations.KeyOf(active);
        var moved = await ops.Store.TransactAsync([key, HandoffStore.QueueKey, coachKey], s =>
        {
            var current = s.Get<HandoffRecord>(key);
            if (current is not { State: HandoffState.Connected } || current.CoachId != coach.Id || current.RequestId != active.RequestId)
            {
                return null;
            }
            current.State = HandoffState.Queued;
            current.Team = team.Name;
            current.CoachId = null;
            current.CoachName = null;
            current.AcceptDeadline = now.AddSeconds(team.AcceptTimeoutSeconds);
            current.AlertedCoachIds = [];
            var index = s.Get<QueueIndex>(HandoffStore.QueueKey) ?? new QueueIndex();
            index.Entries.RemoveAll(e => e.Ticket == current.Ticket);
            index.Entries.Add(HandoffOperations.EntryFor(current));
            s.PutBefore(HandoffStore.QueueKey, index);
            s.Put(key, current);
            s.UpdateAfter<CoachRecord>(coachKey, mine => mine.Release(key));
            return current;
        }, cancellationToken);
        if (moved == null)
        {
            await turnContext.SendActivityAsync(HandoffTexts.NotInChat, cancellationToken: cancellationToken);
            return;
        }
        await turnContext.SendActivityAsync($"Passed #{moved.Ticket} to {team.Name}; it keeps its place in line.", cancellationToken: cancellationToken);
        await ops.Events.RecordAsync(OutcomeEventNames.HandoffTransferred, moved, coachId: coach.Id, team: team.Name, cancellationToken: cancellationToken);
        await ops.Relay.SendAsync(turnContext.Adapter, moved.VisitorReference!, MessageFactory.Text(HandoffTexts.Transferred(coach.Name, team.Name)), cancellationToken);
        await ops.AlertAsync(turnContext.Adapter, moved, available, $"{coach.Name} passed request #{moved.Ticket} to {team.Name}: {HandoffTexts.Literal(HandoffOperations.VisitorLabel(moved))} is waiting.", cancellationToken);
    }

    private async Task TransferToCoachAsync(ITurnContext turnContext, CoachOptions coach, HandoffRecord active, CoachOptions to, CancellationToken cancellationToken)
    {
        if (to.Id == coach.Id)
        {
            await turnContext.SendActivityAsync("That's you.", cancellationToken: cancellationToken);
            return;
        }
        var key = HandoffOperations.KeyOf(active);
        var coachKey = HandoffStore.CoachKey(coach.Id);
        var toKey = HandoffStore.CoachKey(to.Id);
        // The chat the target's pointer names (if any) is read with it, to tell a real chat from a stale pointer.
        var targetBefore = await ops.Store.GetAsync<CoachRecord>(toKey, cancellationToken);
        var targetChat = targetBefore?.ActiveRecordKey is { } pointed && pointed != key ? pointed : null;
        var now = ops.Now;
        var keys = targetChat == null ? new[] { key, coachKey, toKey } : [key, coachKey, toKey, targetChat];
        var (moved, refusal) = await ops.Store.TransactAsync(keys, s =>
        {
            var current = s.Get<HandoffRecord>(key);
            var target = s.Get<CoachRecord>(toKey);
            if (current is not { State: HandoffState.Connected } || current.CoachId != coach.Id || current.RequestId != active.RequestId)
            {
                if (current?.CoachId != to.Id)
                {
                    // A pointer an earlier run gave the target before losing is ours to clear.
                    s.UpdateAfter<CoachRecord>(toKey, t => t.Release(key));
                }
                return ((HandoffRecord?)null, HandoffTexts.NotInChat);
            }
            if (target?.CanBeAlerted(now, ops.ConsolePresence) != true)
            {
                return (null, $"{to.Name} is away or hasn't opened the console; the chat stays with you.");
            }
            var pointerMoved = target.ActiveRecordKey != null && target.ActiveRecordKey != key && target.ActiveRecordKey != targetChat;
            if (pointerMoved || target.IsBusy(targetChat == null ? null : s.Get<HandoffRecord>(targetChat), now, exceptKey: key))
            {
                return (null, $"{to.Name} is in another chat; the chat stays with you.");
            }
            current.CoachId = to.Id;
            current.CoachName = to.Name;
            current.Team = to.Team;
            target.PointAt(key, current.Ticket, now);
            // The new coach's pointer first, then the record, then the old coach is freed.
            s.PutBefore(toKey, target);
            s.Put(key, current);
            s.UpdateAfter<CoachRecord>(coachKey, mine => mine.Release(key));
            return (current, (string?)null);
        }, cancellationToken);
        if (moved == null)
        {
            await turnContext.SendActivityAsync(refusal!, cancellationToken: cancellationToken);
            return;
        }
        await turnContext.SendActivityAsync($"Passed #{moved.Ticket} to {to.Name}.", cancellationToken: cancellationToken);
        await ops.Events.RecordAsync(OutcomeEventNames.HandoffTransferred, moved, coachId: coach.Id, team: to.Team, cancellationToken: cancellationToken);
        var target = await ops.Store.GetAsync<CoachRecord>(toKey, cancellationToken);
        var history = await ops.RenderHistoryAsync(moved, cancellationToken);
        var reached = await ops.Relay.SendAsync(turnContext.Adapter, target!.AgentReference!,
        [
            MessageFactory.Text($"{coach.Name} passed you chat #{moved.Ticket}."),
            .. history.Select(part => VisitorCopies.About(MessageFactory.Text(part), moved)),
            VisitorCopies.About(MessageFactory.Text($"You're connected to {HandoffTexts.Literal(HandoffOperations.VisitorLabel(moved))} (#{moved.Ticket}). Type to chat; end qualified, end not-qualified or end resolved when you're done."), moved),
        ], cancellationToken);
        if (!reached)
        {
            await ops.RequeueAsync(turnContext.Adapter, moved, to.Id, tellVisitor: true, cancellationToken);
            await turnContext.SendActivityAsync($"{to.Name} couldn't be reached; #{moved.Ticket} went back to the queue.", cancellationToken: cancellationToken);
            return;
        }
        await ops.Relay.SendAsync(turnContext.Adapter, moved.VisitorReference!, MessageFactory.Text(HandoffTexts.TransferredToCoach(coach.Name, to.Name)), cancellationToken);
    }

    private static string Wait(TimeSpan wait) => wait.TotalMinutes >= 1 ? $"{(int)wait.TotalMinutes}m {wait.Seconds:00}s" : $"{Math.Max(0, wait.Seconds)}s";
}
