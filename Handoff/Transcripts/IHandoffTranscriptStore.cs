using Microsoft.Bot.Schema;

namespace ChatBot.Handoff.Transcripts;

/// <summary>
/// The conversation so far as the handoff needs it (for the coach who accepts, the queue's last messages and
/// handoff.initiate), read from the bot's one transcript store, the SDK's <c>ITranscriptStore</c> that
/// <c>TranscriptLoggerMiddleware</c> fills. It stays an interface of its own for two things the SDK store does not
/// give: lines with roles (visitor, bot, coach with their name), and a write of the current turn at the moment a
/// request is queued (the middleware writes at the end of the turn: too late for a coach who accepts within it,
/// maybe on another instance).
/// </summary>
public interface IHandoffTranscriptStore
{
    /// <summary>Stores these activities of the current turn now. The transcript logger stores them again at the end of the turn as the same entries (same ids).</summary>
    Task AppendAsync(IReadOnlyList<IActivity> activities, CancellationToken cancellationToken = default);

    /// <summary>The whole conversation's messages, oldest first.</summary>
    Task<IReadOnlyList<TranscriptLine>> ReadAsync(string channelId, string conversationId, CancellationToken cancellationToken = default);
}
