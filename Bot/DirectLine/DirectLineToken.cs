namespace ChatBot.DirectLine;

/// <summary>What a verified client token grants: one conversation, as one user, until it expires.</summary>
public sealed record DirectLineToken(string ConversationId, string UserId, string? UserName, DateTimeOffset Expires);
