namespace ChatBot.Handoff.Transcripts;

/// <summary>
/// The recent turns of each visitor conversation, for the coach who accepts it and for handoff.initiate.
/// Behind an interface so it can move onto the project's transcript store later without touching the middleware.
/// </summary>
public interface IHandoffTranscriptStore
{
    Task AppendAsync(string channelId, string conversationId, IReadOnlyList<TranscriptLine> lines, CancellationToken cancellationToken = default);

    /// <summary>Oldest first; at most the configured number of recent lines.</summary>
    Task<IReadOnlyList<TranscriptLine>> ReadAsync(string channelId, string conversationId, CancellationToken cancellationToken = default);
}
