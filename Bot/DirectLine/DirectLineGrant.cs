namespace ChatBot.DirectLine;

/// <summary>A client token and what it is for, in the shape Direct Line answers token and conversation calls.</summary>
public sealed record DirectLineGrant(string ConversationId, string UserId, string Token, int ExpiresIn);
