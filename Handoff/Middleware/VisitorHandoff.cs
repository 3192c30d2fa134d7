using ChatBot.Handoff.Privacy;
using System.Text.RegularExpressions;
using ChatBot.Handoff.Events;
using ChatBot.Handoff.Requests;
using ChatBot.Handoff.Storage;
using Microsoft.Bot.Builder;
using Microsoft.Bot.Schema;

namespace ChatBot.Handoff.Middleware;

/// <summary>
/// The visitor's side while the handoff owns the conversation: queued messages are kept and acknowledged,
/// connected ones relayed to the coach, "never mind" leaves the queue; after a miss, the next message is read
/// as the email for a follow-up.
/// </summary>
public sealed partial class VisitorHandoff(HandoffOperations ops)
{
    [GeneratedRegex(@"^\s*(never\s*mind|nevermind|cancel|stop waiting|leave (the )?queue|forget it|no longer needed)\W*$", RegexOptions.IgnoreCase)]
    private static partial Regex LeavePattern();

    [GeneratedRegex(@"[A-Za-z0-9._%+\-]+@[A-Za-z0-9.\-]+\.[A-Za-z]{2,}")]
    private static partial Regex EmailPattern();

    /// <summary>"tom at globex dot com", "tom (at) globex (dot) com": an address written out to dodge spam filters.</summary>
    [GeneratedRegex(@"(?<user>[A-Za-z0-9._%+\-]+)(?:\s*\(at\)\s*|\s*\[at\]\s*|\s+at\s+)(?<domain>[A-Za-z0-9\-]+(?:(?:\s*\(dot\)\s*|\s*\[dot\]\s*|\s+dot\s+|\.)[A-Za-z0-9\-]+)+)", RegexOptions.IgnoreCase)]
    private static partial Regex SpelledEmail();

    [GeneratedRegex(@"\s*\(dot\)\s*|\s*\[dot\]\s*|\s+dot\s+", RegexOptions.IgnoreCase)]
    private static partial Regex SpelledDot();

    [GeneratedRegex(@"\(at\)|\[at\]|\(dot\)|\[dot\]|\sdot\s", RegexOptions.IgnoreCase)]
    private static partial Regex SpelledMarker();

    /// <summary>Something on both sides of an '@': meant as an address ("@mention" is not).</summary>
    [GeneratedRegex(@"\S@\S")]
    private static partial Regex AddressAttempt();

    [GeneratedRegex(@"^\s*(no|nope|no thanks|no thank you|no,? thanks|skip|never\s*mind|nevermind)\W*$", RegexOptions.IgnoreCase)]
    private static partial Regex DeclinePattern();

    public static bool IsLeaveRequest(string? text) => text != null && LeavePattern().IsMatch(text);

    public static HandoffEnded EndedFor(HandoffRecord record) => new()
    {
        Outcome = record.Outcome ?? HandoffOutcomes.Resolved,
        CoachHandled = record.WasHandledByCoach(),
        Team = record.Team,
        CoachId = record.CoachId,
        CoachName = record.CoachName,
        MissedReason = record.MissedReason,
        FollowUpEmail = record.FollowUpEmail,
    };

    /// <summary>A visitor turn while queued or connected. Never reaches the bot.</summary>
    public async Task OnOwnedTurnAsync(ITurnContext turnContext, HandoffRecord record, CancellationToken cancellationToken)
    {
        var activity = turnContext.Activity;
        if (record.State == HandoffState.Queued)
        {
            if (activity.Type != ActivityTypes.Message)
            {
                return;
            }
            if (IsLeaveRequest(activity.Text))
            {
                await AbandonAsync(turnContext, record, cancellationToken);
                return;
            }
            if (record.External)
            {
                await HandoffTurn.SendOwnAsync(turnContext, HandoffTexts.ExternalInitiated(record.Team), cancellationToken);
                return;
            }
            var index = await ops.Store.GetQueueAsync(cancellationToken);
            var entry = index.Entries.FirstOrDefault(e => e.Ticket == record.Ticket);
            await HandoffTurn.SendOwnAsync(turnContext, HandoffTexts.StillQueued(entry == null ? 1 : index.PositionOf(entry)), cancellationToken);
            return;
        }

        // Connected. With an external hub the hub carries the messages; here we only keep the bot out.
        if (record.External || record.CoachId == null)
        {
            return;
        }
        IActivity? relayed = activity.Type switch
        {
            ActivityTypes.Message => RelayedMessage(record, activity),
            ActivityTypes.Typing => new Activity(ActivityTypes.Typing),
            _ => null,
        };
        if (relayed == null)
        {
            return;
        }
        var coach = await ops.Store.GetAsync<CoachRecord>(HandoffStore.CoachKey(record.CoachId), cancellationToken);
        var delivered = coach?.AgentReference != null && await ops.Relay.SendAsync(turnContext.Adapter, coach.AgentReference, relayed, cancellationToken);
        if (!delivered && activity.Type == ActivityTypes.Message)
        {
            // The visitor's message is in the transcript, so the next coach sees it.
            await ops.RequeueAsync(turnContext.Adapter, record, record.CoachId, tellVisitor: true, cancellationToken);
        }
    }

    private static Activity RelayedMessage(HandoffRecord record, IActivity activity)
    {
        // One line: a visitor's own line breaks could make their words look like a line from someone else.
        var text = LineBreaks().Replace(activity.AsMessageActivity().Text ?? "", " / ");
        var attachments = activity.AsMessageActivity().Attachments ?? [];
        // Uploaded files only: a card could carry buttons that, clicked in the console, send coach commands, and a
        // link to elsewhere could show the coach any image (a tracking pixel) or page under a file's name.
        var files = attachments.Where(IsUploadedFile).ToList();
        if (files.Count < attachments.Count)
        {
            text = string.IsNullOrEmpty(text) ? "(sent a card or link, not shown)" : text + " (and a card or link, not shown)";
        }
        var message = VisitorCopies.About(MessageFactory.Text($"{HandoffOperations.VisitorLabel(record)}: {text}"), record);
        // Shown as typed: a visitor's Markdown or HTML would otherwise render in the coach's console.
        message.TextFormat = TextFormatTypes.Plain;
        if (files.Count > 0)
        {
            message.Attachments = files;
        }
        return message;
    }

    /// <summary>A file the channel holds inline, as the local Direct Line's upload stores every file (data: URL).</summary>
    private static bool IsUploadedFile(Attachment attachment) =>
        attachment.Content == null && attachment.ContentType is { } type
        && !type.StartsWith("application/vnd.microsoft.", StringComparison.OrdinalIgnoreCase)
        && attachment.ContentUrl?.StartsWith($"data:{type};base64,", StringComparison.OrdinalIgnoreCase) == true;

    [GeneratedRegex(@"\s*[\r\n]+\s*")]
    private static partial Regex LineBreaks();

    public async Task AbandonAsync(ITurnContext turnContext, HandoffRecord record, CancellationToken cancellationToken)
    {
        var key = HandoffOperations.KeyOf(record);
        var now = ops.Now;
        var closed = await ops.Store.TransactAsync([key, HandoffStore.QueueKey], s =>
        {
            var current = s.Get<HandoffRecord>(key);
            if (current is not { State: HandoffState.Queued } || current.RequestId != record.RequestId)
            {
                return null;
            }
            current.State = HandoffState.Closed;
            current.Outcome = HandoffOutcomes.Abandoned;
            current.ClosedAt = now;
            s.Put(key, current);
            var ticket = current.Ticket;
            s.UpdateAfter<QueueIndex>(HandoffStore.QueueKey, index => index.Entries.RemoveAll(e => e.Ticket == ticket) > 0);
            return current;
        }, cancellationToken);
        if (closed == null)
        {
            return;
        }
        HandoffTurn.SetOwned(turnContext, false);
        await HandoffTurn.SendOwnAsync(turnContext, HandoffTexts.Abandoned, cancellationToken);
        await ops.Events.RecordAsync(OutcomeEventNames.HandoffAbandoned, closed, durationMs: HandoffEventsMs(closed.QueuedAt, now), cancellationToken: cancellationToken);
        await ops.NotifyAlertedAsync(turnContext.Adapter, closed, $"Request #{closed.Ticket}: the visitor left the queue.", except: null, cancellationToken);
        HandoffTurn.SetPendingEnded(turnContext, EndedFor(closed));
    }

    /// <summary>
    /// The first visitor message after a miss. Returns true when it was the email (or a "no thanks") and has been
    /// answered; false when it is something else for the bot, which by then has had its handoff.ended turn.
    /// </summary>
    public async Task<bool> OnFollowUpAsync(ITurnContext turnContext, HandoffRecord record, CancellationToken cancellationToken)
    {
        var text = turnContext.Activity.Text ?? "";
        // A written-out address must spell its dots or its at: "I'm at globex.com" is not one.
        var spelled = SpelledMarker().IsMatch(text)
            ? SpelledEmail().Replace(text, m => $"{m.Groups["user"].Value}@{SpelledDot().Replace(m.Groups["domain"].Value, ".")}")
            : text;
        var email = EmailPattern().Match(spelled) is { Success: true } match ? match.Value.ToLowerInvariant() : null;
        var declined = email == null && DeclinePattern().IsMatch(text);
        if (email == null && !declined && AddressAttempt().IsMatch(text))
        {
            // Meant as the address but not one: ask again rather than hand the words to the bot as a question.
            await HandoffTurn.SendOwnAsync(turnContext, HandoffTexts.FollowUpNotAnEmail, cancellationToken);
            return true;
        }
        var key = HandoffOperations.KeyOf(record);
        var updated = await ops.Store.TransactAsync([key], s =>
        {
            var current = s.Get<HandoffRecord>(key);
            if (current is not { AwaitingFollowUpEmail: true } || current.RequestId != record.RequestId)
            {
                return null;
            }
            current.AwaitingFollowUpEmail = false;
            current.FollowUpEmail = email;
            s.Put(key, current);
            return current;
        }, cancellationToken);
        if (updated == null)
        {
            return false;
        }
        if (email != null || declined)
        {
            await HandoffTurn.SendOwnAsync(turnContext, email != null ? HandoffTexts.FollowUpThanks(email) : HandoffTexts.FollowUpDeclined, cancellationToken);
            HandoffTurn.SetPendingEnded(turnContext, EndedFor(updated));
            return true;
        }
        await ops.Relay.RaiseEndedAsync(turnContext.Adapter, turnContext.Activity.GetConversationReference(), EndedFor(updated), cancellationToken);
        return false;
    }

    private static long HandoffEventsMs(DateTimeOffset from, DateTimeOffset to) => HandoffEvents.Ms(from, to);
}
