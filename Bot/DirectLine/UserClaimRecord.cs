using Microsoft.Bot.Builder;

namespace ChatBot.DirectLine;

/// <summary>
/// Marks a page-chosen user id as taken by its first conversation, so that nobody else can get a token
/// for that id (and its user state) without proving they hold one of its tokens.
/// </summary>
public sealed class UserClaimRecord : IStoreItem
{
    public string UserId { get; set; } = "";
    public string ConversationId { get; set; } = "";
    public string? ETag { get; set; }
}
