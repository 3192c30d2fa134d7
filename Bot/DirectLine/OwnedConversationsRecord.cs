using Microsoft.Bot.Builder;

namespace ChatBot.DirectLine;

/// <summary>The conversations of a user who may have many: a coach gets a new one at every console sign-in.</summary>
public sealed class OwnedConversationsRecord : IStoreItem
{
    public List<string> ConversationIds { get; set; } = [];
    public string? ETag { get; set; }
}
