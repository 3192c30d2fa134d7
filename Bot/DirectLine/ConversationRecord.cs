using Microsoft.Bot.Builder;

namespace ChatBot.DirectLine;

/// <summary>
/// One local Direct Line conversation. Its activities are kept as JSON text: the newest (up to
/// <see cref="ConversationStore.ChunkSize"/>) in <see cref="Tail"/>, older ones in immutable page items
/// listed in <see cref="SealedPages"/>, so a post rewrites at most one chunk however long the conversation.
/// </summary>
public sealed class ConversationRecord : IStoreItem
{
    public string Id { get; set; } = "";
    /// <summary>The user the conversation was created for (the page's visitor).</summary>
    public string OwnerUserId { get; set; } = "";
    public List<ConversationMember> Members { get; set; } = [];
    public DateTimeOffset Created { get; set; }
    /// <summary>Set once the bot has been told about the conversation (conversationUpdate sent).</summary>
    public bool Started { get; set; }
    public DateTimeOffset LastTimestamp { get; set; }
    public List<string> SealedPages { get; set; } = [];
    public List<string> Tail { get; set; } = [];
    public string? ETag { get; set; }

    public int Count => SealedPages.Count * ConversationStore.ChunkSize + Tail.Count;
}
