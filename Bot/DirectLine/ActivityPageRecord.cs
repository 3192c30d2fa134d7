using Microsoft.Bot.Builder;

namespace ChatBot.DirectLine;

/// <summary>A full, immutable chunk of a conversation's activities (JSON text, oldest first).</summary>
public sealed class ActivityPageRecord : IStoreItem
{
    public List<string> Activities { get; set; } = [];
    public string? ETag { get; set; }
}
