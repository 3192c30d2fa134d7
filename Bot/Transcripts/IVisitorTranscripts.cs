namespace ChatBot.Transcripts;

/// <summary>Which conversations a visitor took part in, as every ChatBot transcript store records it (for privacy requests).</summary>
public interface IVisitorTranscripts
{
    Task<IReadOnlyList<(string ChannelId, string ConversationId)>> ConversationsOfAsync(string visitorId, CancellationToken cancellationToken = default);

    /// <summary>Removes what the store keeps about the visitor beyond the transcripts themselves (the index); returns how many entries.</summary>
    Task<int> ForgetIndexAsync(string visitorId, CancellationToken cancellationToken = default);
}
