using ChatBot.Handoff.Options;
using Microsoft.Bot.Builder;
using Microsoft.Bot.Schema;
using Microsoft.Extensions.Options;
using Newtonsoft.Json.Linq;

namespace ChatBot.Handoff.Transcripts;

/// <summary>The handoff's view of the full transcript in the <see cref="ITranscriptStore"/>: messages as lines with roles.</summary>
public sealed class TranscriptStoreHandoffTranscripts(ITranscriptStore store) : IHandoffTranscriptStore
{
    /// <summary>Set on a coach's message relayed to the visitor (the channel sees it from the bot), so the transcript knows who wrote it.</summary>
    public const string CoachProperty = "chatbotCoach";

    public static void MarkFromCoach(IActivity relayed, string coachName) =>
        ((Activity)relayed).Properties[CoachProperty] = coachName;

    public async Task AppendAsync(IReadOnlyList<IActivity> activities, CancellationToken cancellationToken = default)
    {
        foreach (var activity in activities)
        {
            await store.LogActivityAsync(activity);
        }
    }

    public async Task<IReadOnlyList<TranscriptLine>> ReadAsync(string channelId, string conversationId, CancellationToken cancellationToken = default)
    {
        var lines = new List<TranscriptLine>();
        string? continuation = null;
        do
        {
            var page = await store.GetTranscriptActivitiesAsync(channelId, conversationId, continuation);
            lines.AddRange(page.Items.Select(LineOf).OfType<TranscriptLine>());
            continuation = page.ContinuationToken;
        }
        while (!string.IsNullOrEmpty(continuation));
        return lines;
    }

    /// <summary>A message as the coach reads it; null for anything else (typing, events).</summary>
    public static TranscriptLine? LineOf(IActivity activity)
    {
        if (activity.Type != ActivityTypes.Message)
        {
            return null;
        }
        var message = activity.AsMessageActivity();
        var text = message.Text ?? "";
        var coach = (activity as Activity)?.Properties?[CoachProperty] is JValue { Type: JTokenType.String } value ? (string?)value : null;
        if (coach != null && text.StartsWith(coach + ": ", StringComparison.Ordinal))
        {
            text = text[(coach.Length + 2)..];
        }
        // TranscriptLoggerMiddleware gives every inbound activity without a role the role "user".
        var fromVisitor = activity.From?.Role == RoleTypes.User;
        return new TranscriptLine
        {
            At = activity.Timestamp ?? activity.LocalTimestamp ?? DateTimeOffset.MinValue,
            Role = coach != null ? TranscriptLine.Coach : fromVisitor ? TranscriptLine.Visitor : TranscriptLine.Bot,
            Name = coach ?? activity.From?.Name,
            Text = text,
            Attachments = message.Attachments?.Count ?? 0,
        };
    }
}
