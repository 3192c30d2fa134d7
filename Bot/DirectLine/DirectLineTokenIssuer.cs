namespace ChatBot.DirectLine;

/// <summary>
/// Issues Direct Line client tokens from server code that has already decided who the caller is
/// (for example the coach console giving a coach a Web Chat bound to "coach:&lt;id&gt;").
/// Each token binds exactly one conversation and one user id; the client cannot change either.
/// </summary>
public sealed class DirectLineTokenIssuer(ConversationStore store, DirectLineTokenService tokens)
{
    /// <summary>
    /// A token for <paramref name="userId"/>: in a new conversation when <paramref name="conversationId"/> is null,
    /// otherwise in that existing conversation (the user is added to its members).
    /// </summary>
    /// <exception cref="KeyNotFoundException">The conversation does not exist.</exception>
    public async Task<DirectLineGrant> IssueAsync(string userId, string? displayName = null, string? conversationId = null, CancellationToken cancellationToken = default)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(userId);
        if (conversationId == null)
        {
            var created = await store.CreateAsync(userId, displayName, cancellationToken);
            conversationId = created.Id;
        }
        else if (await store.AddMemberAsync(conversationId, userId, displayName, cancellationToken) == null)
        {
            throw new KeyNotFoundException($"Direct Line conversation '{conversationId}' does not exist.");
        }
        return await GrantAsync(conversationId, userId, displayName, cancellationToken);
    }

    /// <summary>A fresh token with the same conversation and user as a verified one (refresh, resume).</summary>
    public Task<DirectLineGrant> RenewAsync(DirectLineToken token, CancellationToken cancellationToken = default) =>
        GrantAsync(token.ConversationId, token.UserId, token.UserName, cancellationToken);

    private async Task<DirectLineGrant> GrantAsync(string conversationId, string userId, string? displayName, CancellationToken cancellationToken)
    {
        var token = await tokens.CreateClientTokenAsync(conversationId, userId, displayName, cancellationToken);
        return new DirectLineGrant(conversationId, userId, token, (int)tokens.Lifetime.TotalSeconds);
    }
}
