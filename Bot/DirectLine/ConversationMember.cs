namespace ChatBot.DirectLine;

/// <summary>Someone bound to a conversation by a token: its visitor, or a coach who joined it.</summary>
public sealed class ConversationMember
{
    public string Id { get; set; } = "";
    public string? Name { get; set; }
}
