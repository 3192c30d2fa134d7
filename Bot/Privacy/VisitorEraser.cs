using ChatBot.DirectLine;
using ChatBot.Handoff.Coaches;
using ChatBot.Handoff.Events;
using ChatBot.Handoff.Privacy;
using ChatBot.Handoff.Storage;
using ChatBot.Transcripts;
using Microsoft.Bot.Builder;

namespace ChatBot.Privacy;

/// <summary>What a privacy request removed, per kind.</summary>
public sealed record ForgetReport
{
    public int UserState { get; init; }
    public int ConversationState { get; init; }
    public int DirectLineConversations { get; init; }
    public int DirectLineActivities { get; init; }
    public int DirectLineUserClaims { get; init; }
    public int Transcripts { get; init; }
    public int TranscriptActivities { get; init; }
    public int HandoffRecords { get; init; }
    public int HandoffQueueEntries { get; init; }
    public int OutcomeEvents { get; init; }
    public int IndexEntries { get; init; }
    public int CoachConsoleCopies { get; init; }

    public IEnumerable<(string Kind, int Count)> Lines() =>
    [
        ("user state", UserState),
        ("conversation state", ConversationState),
        ("Direct Line conversations", DirectLineConversations),
        ("Direct Line activities", DirectLineActivities),
        ("Direct Line user claims", DirectLineUserClaims),
        ("transcripts", Transcripts),
        ("transcript activities", TranscriptActivities),
        ("handoff records (with their transcript)", HandoffRecords),
        ("handoff queue entries", HandoffQueueEntries),
        ("outcome events", OutcomeEvents),
        ("visitor index entries", IndexEntries),
        ("copies in coach consoles (redacted)", CoachConsoleCopies),
    ];
}

/// <summary>
/// Deletes everything stored for one visitor id, on whatever back end Storage:Kind selects: the visitor's conversations
/// are found in the transcript store's visitor index (every conversation the visitor wrote in or was written to) and
/// the local Direct Line's user claim; for each, its conversation state, Direct Line conversation and activities,
/// transcript, handoff record (and queue entry); then the visitor's user state on every channel seen, the claim, the
/// index, and the outcome events (IEventLog.DeleteVisitorAsync: the visitor's events and their conversations' events).
/// </summary>
public sealed class VisitorEraser(IStorage storage, ConversationStore directLine, ITranscriptStore transcripts, IVisitorTranscripts index,
    HandoffStore handoff, IEventLog events, CoachDirectory coaches)
{
    public const string DirectLineChannel = "directline";

    public async Task<ForgetReport> ForgetAsync(string visitorId, CancellationToken cancellationToken = default)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(visitorId);
        var conversations = (await index.ConversationsOfAsync(visitorId, cancellationToken)).ToHashSet();
        var claim = await directLine.GetUserClaimAsync(visitorId, cancellationToken);
        if (claim != null)
        {
            conversations.Add((DirectLineChannel, claim.ConversationId));
        }

        int conversationState = 0, dlConversations = 0, dlActivities = 0, transcriptCount = 0, transcriptActivities = 0, records = 0, entries = 0;
        foreach (var (channel, conversation) in conversations)
        {
            conversationState += await DeleteExistingAsync(
                [$"{channel}/conversations/{conversation}", $"{channel}/conversations/{conversation}/users/{visitorId}"], cancellationToken);

            var recordKey = HandoffStore.RecordKey(channel, conversation);
            if (await handoff.GetAsync<HandoffRecord>(recordKey, cancellationToken) != null)
            {
                // Out of the queue first, so no coach is offered a conversation that is gone.
                entries += await handoff.TransactAsync([HandoffStore.QueueKey], s =>
                {
                    var queue = s.Get<QueueIndex>(HandoffStore.QueueKey);
                    var removed = queue?.Entries.RemoveAll(e => e.ChannelId == channel && e.ConversationId == conversation) ?? 0;
                    if (removed > 0)
                    {
                        s.Put(HandoffStore.QueueKey, queue!);
                    }
                    return removed;
                }, cancellationToken);
                records += await DeleteExistingAsync([recordKey], cancellationToken);
            }
            // The handoff's own transcript item of earlier versions.
            await storage.DeleteAsync([$"handoff/transcript/{channel}/{conversation}"], cancellationToken);

            if (channel == DirectLineChannel && await directLine.DeleteAsync(conversation, cancellationToken) is int held)
            {
                dlConversations++;
                dlActivities += held;
            }

            var logged = await CountTranscriptAsync(channel, conversation);
            if (logged > 0)
            {
                transcriptCount++;
                transcriptActivities += logged;
                await transcripts.DeleteTranscriptAsync(channel, conversation);
            }
        }

        // What coaches were shown about the visitor (alerts, transcripts, relayed messages, the queue) sits in the
        // coaches' own console conversations: blanked there, in place. Copies sent to Teams are out of our reach.
        var about = conversations.Select(c => VisitorCopies.ConversationKey(c.ChannelId, c.ConversationId)).ToHashSet();
        var coachCopies = 0;
        foreach (var coach in coaches.Coaches)
        {
            foreach (var console in await directLine.OwnedConversationsAsync(CoachDirectory.ConsoleUserId(coach.Id), cancellationToken))
            {
                coachCopies += await directLine.RedactAsync(console, a => VisitorCopies.Of(a).Any(about.Contains), cancellationToken);
            }
        }

        var channels = conversations.Select(c => c.ChannelId).Append(DirectLineChannel).Distinct().ToArray();
        var userState = await DeleteExistingAsync(channels.Select(c => $"{c}/users/{visitorId}").ToArray(), cancellationToken);
        var claims = await directLine.DeleteUserClaimAsync(visitorId, cancellationToken) ? 1 : 0;
        var indexEntries = await index.ForgetIndexAsync(visitorId, cancellationToken);
        var outcomeEvents = await events.DeleteVisitorAsync(visitorId, cancellationToken);

        return new ForgetReport
        {
            UserState = userState,
            ConversationState = conversationState,
            DirectLineConversations = dlConversations,
            DirectLineActivities = dlActivities,
            DirectLineUserClaims = claims,
            Transcripts = transcriptCount,
            TranscriptActivities = transcriptActivities,
            HandoffRecords = records,
            HandoffQueueEntries = entries,
            OutcomeEvents = outcomeEvents,
            IndexEntries = indexEntries,
            CoachConsoleCopies = coachCopies,
        };
    }

    private async Task<int> DeleteExistingAsync(string[] keys, CancellationToken cancellationToken)
    {
        var existing = (await storage.ReadAsync(keys, cancellationToken)).Keys.ToArray();
        if (existing.Length > 0)
        {
            await storage.DeleteAsync(existing, cancellationToken);
        }
        return existing.Length;
    }

    private async Task<int> CountTranscriptAsync(string channel, string conversation)
    {
        var count = 0;
        string? token = null;
        do
        {
            var page = await transcripts.GetTranscriptActivitiesAsync(channel, conversation, token);
            count += page.Items.Length;
            token = page.ContinuationToken;
        }
        while (!string.IsNullOrEmpty(token));
        return count;
    }
}
