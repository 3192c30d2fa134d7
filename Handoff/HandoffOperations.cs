using ChatBot.Handoff.Privacy;
using ChatBot.Handoff.Coaches;
using ChatBot.Handoff.Events;
using ChatBot.Handoff.Options;
using ChatBot.Handoff.Relay;
using ChatBot.Handoff.Storage;
using ChatBot.Handoff.Transcripts;
using Microsoft.Bot.Builder;
using Microsoft.Bot.Schema;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace ChatBot.Handoff;

/// <summary>The steps the visitor side, the coach side and the timeout sweeper share: alerts, re-queueing, transcripts.</summary>
public sealed class HandoffOperations(
    HandoffStore store,
    CoachDirectory directory,
    IHandoffTranscriptStore transcripts,
    HandoffRelay relay,
    HandoffEvents events,
    TimeProvider time,
    IOptions<HandoffOptions> options,
    ILogger<HandoffOperations> logger)
{
    public HandoffStore Store => store;
    public CoachDirectory Directory => directory;
    public IHandoffTranscriptStore Transcripts => transcripts;
    public HandoffRelay Relay => relay;
    public HandoffEvents Events => events;
    public HandoffOptions Options => options.Value;
    public DateTimeOffset Now => time.GetUtcNow();

    public static string KeyOf(HandoffRecord record) => HandoffStore.RecordKey(record.ChannelId, record.ConversationId);

    public TimeSpan ConsolePresence => TimeSpan.FromSeconds(Options.ConsolePresenceSeconds);

    public int AcceptTimeoutSeconds(string team) => directory.FindTeam(team)?.AcceptTimeoutSeconds ?? 180;

    /// <summary>Coaches of the team who are available, reachable and present (console open), minus <paramref name="except"/>.</summary>
    public async Task<List<CoachRecord>> AvailableCoachesAsync(string team, string? except, CancellationToken cancellationToken)
    {
        var result = new List<CoachRecord>();
        foreach (var coach in directory.TeamCoaches(team).Where(c => c.Id != except))
        {
            var record = await store.GetAsync<CoachRecord>(HandoffStore.CoachKey(coach.Id), cancellationToken);
            if (record?.CanBeAlerted(Now, ConsolePresence) == true)
            {
                result.Add(record);
            }
        }
        return result;
    }

    /// <summary>Alerts each coach in their agent conversation with an accept button; returns who was reached.</summary>
    public async Task<List<string>> AlertAsync(BotAdapter adapter, HandoffRecord record, IEnumerable<CoachRecord> coaches, string headline, CancellationToken cancellationToken)
    {
        var reached = new List<string>();
        foreach (var coach in coaches)
        {
            var card = new HeroCard
            {
                Title = $"#{record.Ticket} · {record.Team}",
                Text = Describe(record),
                Buttons = [new CardAction(ActionTypes.ImBack, "Accept", value: $"accept {record.Ticket}")],
            };
            var alert = VisitorCopies.About(MessageFactory.Attachment(card.ToAttachment(), text: headline), record);
            if (await relay.SendAsync(adapter, coach.AgentReference!, alert, cancellationToken))
            {
                reached.Add(coach.CoachId);
                await events.RecordAsync(OutcomeEventNames.HandoffAlerted, record, coachId: coach.CoachId, cancellationToken: cancellationToken);
            }
        }
        if (reached.Count > 0)
        {
            var key = KeyOf(record);
            await store.TransactAsync([key], s =>
            {
                var current = s.Get<HandoffRecord>(key);
                if (current?.RequestId == record.RequestId)
                {
                    current.AlertedCoachIds = current.AlertedCoachIds.Union(reached).ToList();
                    s.Put(key, current);
                }
                return true;
            }, cancellationToken);
        }
        return reached;
    }

    /// <summary>Best-effort notice to the coaches who were alerted about a request (taken, withdrawn, expired).</summary>
    public async Task NotifyAlertedAsync(BotAdapter adapter, HandoffRecord record, string text, string? except, CancellationToken cancellationToken)
    {
        foreach (var coachId in record.AlertedCoachIds.Where(id => id != except))
        {
            var coach = await store.GetAsync<CoachRecord>(HandoffStore.CoachKey(coachId), cancellationToken);
            if (coach?.AgentReference != null)
            {
                await relay.SendAsync(adapter, coach.AgentReference, MessageFactory.Text(text), cancellationToken);
            }
        }
    }

    /// <summary>
    /// A relay to or from a connected chat failed, or the coach's console was closed: the request goes back in line
    /// (keeping its place), the coach is freed, and other available coaches of the team are alerted. Returns the
    /// visitor's place, or null when the chat had already moved on (or, with onlyIfConsoleClosed, the coach is back).
    /// </summary>
    public async Task<int?> RequeueAsync(BotAdapter adapter, HandoffRecord record, string failedCoachId, bool tellVisitor, CancellationToken cancellationToken,
        bool onlyIfConsoleClosed = false)
    {
        var key = KeyOf(record);
        var coachKey = HandoffStore.CoachKey(failedCoachId);
        var now = Now;
        var (requeued, position) = await store.TransactAsync([key, HandoffStore.QueueKey, coachKey], s =>
        {
            if (onlyIfConsoleClosed && s.Get<CoachRecord>(coachKey)?.IsPresent(now, ConsolePresence) != false)
            {
                // Seen again since the sweeper looked (a refresh or a message on another instance): the chat stays.
                return ((HandoffRecord?)null, 0);
            }
            var current = s.Get<HandoffRecord>(key);
            // The coach is freed last, once the record no longer names them.
            s.UpdateAfter<CoachRecord>(coachKey, coach => coach.Release(key));
            if (current is not { State: HandoffState.Connected } || current.RequestId != record.RequestId || current.CoachId != failedCoachId)
            {
                return ((HandoffRecord?)null, 0);
            }
            current.State = HandoffState.Queued;
            current.CoachId = null;
            current.CoachName = null;
            current.AcceptDeadline = now.AddSeconds(AcceptTimeoutSeconds(current.Team));
            var index = s.Get<QueueIndex>(HandoffStore.QueueKey) ?? new QueueIndex();
            var entry = EntryFor(current);
            index.Entries.RemoveAll(e => e.Ticket == current.Ticket);
            index.Entries.Add(entry);
            // The entry first: a queued record always has its entry.
            s.PutBefore(HandoffStore.QueueKey, index);
            s.Put(key, current);
            return (current, index.PositionOf(entry));
        }, cancellationToken);
        if (requeued == null)
        {
            return null;
        }
        logger.LogWarning("Handoff #{Ticket} in conversation {ConversationId} went back to the queue: coach {CoachId} could not be reached (a relay failed or the console was closed)",
            requeued.Ticket, requeued.ConversationId, failedCoachId);
        if (tellVisitor && requeued.VisitorReference != null)
        {
            await relay.SendAsync(adapter, requeued.VisitorReference, MessageFactory.Text(HandoffTexts.LostCoach(record.CoachName ?? "your coach", position)), cancellationToken);
        }
        var coaches = await AvailableCoachesAsync(requeued.Team, except: failedCoachId, cancellationToken);
        await AlertAsync(adapter, requeued, coaches, $"Request #{requeued.Ticket} is back in the {requeued.Team} queue (its coach could not be reached).", cancellationToken);
        return position;
    }

    public static QueueEntry EntryFor(HandoffRecord record) => new()
    {
        EntryId = Guid.NewGuid().ToString("N"),
        Ticket = record.Ticket,
        RequestId = record.RequestId,
        ChannelId = record.ChannelId,
        ConversationId = record.ConversationId,
        Team = record.Team,
        QueuedAt = record.QueuedAt,
        Deadline = record.AcceptDeadline,
    };

    /// <summary>Visitor type, intent, reason and summary on one line, for alerts and the queue.</summary>
    public static string Describe(HandoffRecord record)
    {
        var parts = new[] { record.VisitorName, record.VisitorType, record.Intent, record.Reason, record.QualificationSummary }
            .Where(p => !string.IsNullOrWhiteSpace(p)).Select(HandoffTexts.Literal);
        var text = string.Join(" · ", parts);
        return text.Length > 0 ? text : "No details from the bot.";
    }

    public static string VisitorLabel(HandoffRecord record) => record.VisitorName ?? $"Visitor #{record.Ticket}";

    /// <summary>
    /// The whole conversation so far (bot, visitor and coach turns, with authors) and the notes, for a coach taking
    /// over: one message, or several of Handoff:TranscriptTurns lines each ("part 1 of 3") for a long chat.
    /// </summary>
    public async Task<IReadOnlyList<string>> RenderHistoryAsync(HandoffRecord record, CancellationToken cancellationToken)
    {
        var lines = await transcripts.ReadAsync(record.ChannelId, record.ConversationId, cancellationToken);
        var rendered = lines.Select(line =>
        {
            var author = line.Role switch
            {
                TranscriptLine.Visitor => HandoffTexts.Literal(VisitorLabel(record)),
                TranscriptLine.Coach => line.Name ?? "Coach",
                _ => "Bot",
            };
            var attachments = line.Attachments > 0 ? $" ({line.Attachments} attachment(s))" : "";
            // Every line's words as written: the bot's own replies are Markdown, but a visitor's may not be rendered.
            // The bot's bold markers would show as asterisks (its words are escaped too: they can quote the visitor's).
            var words = line.Role == TranscriptLine.Bot ? line.Text.Replace("**", "") : line.Text;
            return $"- {line.At:HH:mm} {author}: {HandoffTexts.Literal(words)}{attachments}";
        }).DefaultIfEmpty("(no messages yet)").ToList();
        rendered.AddRange(record.Notes.Select(note => $"- Note by {directory.Find(note.CoachId)?.Name ?? note.CoachId}: {HandoffTexts.Literal(note.Text)}"));

        var parts = rendered.Chunk(Math.Max(1, Options.TranscriptTurns)).ToList();
        return parts.Select((part, i) =>
        {
            var header = i == 0 ? $"Transcript of #{record.Ticket} ({record.Team}; {Describe(record)})" : $"Transcript of #{record.Ticket}";
            var of = parts.Count > 1 ? $", part {i + 1} of {parts.Count}" : "";
            return $"{header}{of}:\n" + string.Join("\n", part);
        }).ToList();
    }
}
