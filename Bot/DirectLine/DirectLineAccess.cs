namespace ChatBot.DirectLine;

/// <summary>A verified client token and the conversation it grants.</summary>
public sealed record DirectLineAccess(string RawToken, DirectLineToken Token, ConversationRecord Conversation)
{
    /// <summary>
    /// Checks the Authorization header against the conversation in the route (or the token's own, when the
    /// route has none): 401 without a token, 403 when it is invalid, expired or for another conversation,
    /// 404 when the conversation no longer exists.
    /// </summary>
    public static async Task<(DirectLineAccess? Access, IResult? Error)> AuthorizeAsync(HttpContext http, string? routeConversationId,
        DirectLineTokenService tokens, ConversationStore store, CancellationToken cancellationToken)
    {
        var raw = DirectLineTokenService.BearerToken(http.Request.Headers.Authorization);
        if (raw == null)
        {
            return (null, DirectLineHttp.Error(StatusCodes.Status401Unauthorized, "A Direct Line token is required (Authorization: Bearer <token>)."));
        }
        var token = await tokens.ValidateClientTokenAsync(raw, cancellationToken: cancellationToken);
        if (token == null)
        {
            return (null, DirectLineHttp.Error(StatusCodes.Status403Forbidden, "The token is invalid or has expired."));
        }
        if (routeConversationId != null && routeConversationId != token.ConversationId)
        {
            return (null, DirectLineHttp.Error(StatusCodes.Status403Forbidden, "The token is not valid for this conversation."));
        }
        var conversation = await store.GetAsync(token.ConversationId, cancellationToken);
        if (conversation == null)
        {
            return (null, DirectLineHttp.Error(StatusCodes.Status404NotFound, "The conversation does not exist."));
        }
        return (new DirectLineAccess(raw, token, conversation), null);
    }
}
