using Microsoft.Bot.Builder;

namespace ChatBot.DirectLine;

/// <summary>The generated token-signing key, kept in the data store so tokens survive restarts.</summary>
public sealed class SigningKeyRecord : IStoreItem
{
    public string Key { get; set; } = "";
    public string? ETag { get; set; }
}
