using System.Globalization;
using ChatBot.Endpoints;
using ChatBot.Handoff.Coaches;
using ChatBot.Options;
using Microsoft.Extensions.Options;
using Newtonsoft.Json;
using Newtonsoft.Json.Linq;

namespace ChatBot.DirectLine;

/// <summary>
/// The Direct Line 3.0 REST API that botframework-directlinejs (inside Web Chat) calls, polling only.
/// Every call but tokens/generate needs a client token, which binds one conversation and one user:
/// 401 without a token, 403 for a bad, expired or other conversation's token, 404 for a conversation
/// that no longer exists. A poll never answers 5xx (Web Chat would stop polling for good).
/// </summary>
public static class DirectLineEndpoints
{
    public const string Prefix = "/v3/directline";
    private const int TokenCallMaxBytes = 4 * 1024;

    public static void Map(IEndpointRouteBuilder app)
    {
        var group = app.MapGroup(Prefix);
        group.MapPost("/tokens/generate", GenerateTokenAsync);
        group.MapPost("/tokens/refresh", RefreshTokenAsync);
        group.MapPost("/conversations", StartConversationAsync);
        group.MapGet("/conversations/{conversationId}", ResumeConversationAsync);
        group.MapPost("/conversations/{conversationId}/activities", PostActivityAsync);
        group.MapGet("/conversations/{conversationId}/activities", GetActivitiesAsync);
        group.MapPost("/conversations/{conversationId}/upload", UploadEndpoint.HandleAsync);
    }

    /// <summary>
    /// The page's entry point. Body (optional): {"user": {"id", "name"}}. With "Authorization: Bearer
    /// &lt;an earlier token of this visitor&gt;" (expired is fine, within DirectLine:ResumeWindow) the new token
    /// binds that same conversation; without one, a new conversation is created for the user id, which must
    /// not have been used before, so nobody takes over a user id (and its state) without its token.
    /// </summary>
    private static async Task<IResult> GenerateTokenAsync(HttpContext http, DirectLineTokenService tokens, DirectLineTokenIssuer issuer,
        ConversationStore store, CancellationToken cancellationToken)
    {
        var body = await DirectLineHttp.ReadBodyAsync(http.Request, TokenCallMaxBytes, cancellationToken);
        if (body == null)
        {
            return DirectLineHttp.Error(StatusCodes.Status413PayloadTooLarge, "The request body is too large.");
        }
        string? userId = null, userName = null;
        if (!string.IsNullOrWhiteSpace(body))
        {
            JToken parsed;
            try
            {
                parsed = JToken.Parse(body);
            }
            catch (JsonException)
            {
                return DirectLineHttp.Error(StatusCodes.Status400BadRequest, "The request body is not valid JSON.");
            }
            var userToken = (parsed as JObject)?["user"];
            var user = userToken as JObject;
            if (parsed is not JObject || (userToken != null && userToken.Type != JTokenType.Null && user == null)
                || (user?["id"] is { } id && id.Type is not (JTokenType.String or JTokenType.Null)))
            {
                return DirectLineHttp.Error(StatusCodes.Status400BadRequest, "The body must be {\"user\": {\"id\": \"...\"}}.");
            }
            userId = user?["id"]?.Type == JTokenType.String ? (string?)user["id"] : null;
            userName = user?["name"]?.Type == JTokenType.String ? (string?)user["name"] : null;
        }
        if (userId != null && !DirectLineHttp.IsPageUserId(userId))
        {
            return DirectLineHttp.Error(StatusCodes.Status400BadRequest, "'user.id' must be 16 to 64 letters, digits, '-' or '_'.");
        }
        userName = string.IsNullOrWhiteSpace(userName) ? null : InputSanitizerMiddleware.Clean(userName.Trim());
        if (userName is { Length: > 60 })
        {
            return DirectLineHttp.Error(StatusCodes.Status400BadRequest, "'user.name' is longer than 60 characters.");
        }

        var presented = DirectLineTokenService.BearerToken(http.Request.Headers.Authorization);
        if (presented != null)
        {
            var earlier = await tokens.ValidateClientTokenAsync(presented, allowExpiredWithinResumeWindow: true, cancellationToken);
            if (earlier == null)
            {
                return DirectLineHttp.Error(StatusCodes.Status403Forbidden, "The earlier token is invalid or too old; start a new conversation without it.");
            }
            if (userId != null && userId != earlier.UserId)
            {
                return DirectLineHttp.Error(StatusCodes.Status403Forbidden, "The earlier token belongs to another user id.");
            }
            if (!DirectLineHttp.IsPageUserId(earlier.UserId))
            {
                // Ids a page cannot choose were issued on a proof (a coach's console key): only that proof renews them.
                return DirectLineHttp.Error(StatusCodes.Status403Forbidden, "This token cannot be renewed here; sign in to the coach console again.");
            }
            if (await store.GetAsync(earlier.ConversationId, cancellationToken) == null)
            {
                return DirectLineHttp.Error(StatusCodes.Status404NotFound, "The earlier token's conversation no longer exists.");
            }
            return Grant(await issuer.RenewAsync(earlier, cancellationToken));
        }

        userId ??= "dl_" + ConversationStore.NewConversationId();
        if (await store.GetUserClaimAsync(userId, cancellationToken) != null)
        {
            return DirectLineHttp.Error(StatusCodes.Status409Conflict,
                "This user id already has a conversation: send one of its tokens to resume it, or use a new user id.");
        }
        var grant = await issuer.IssueAsync(userId, userName, cancellationToken: cancellationToken);
        await store.ClaimUserAsync(userId, grant.ConversationId, cancellationToken);
        return Grant(grant);
    }

    private static async Task<IResult> RefreshTokenAsync(HttpContext http, DirectLineTokenService tokens, DirectLineTokenIssuer issuer,
        ConversationStore store, CoachDirectory coaches, CancellationToken cancellationToken)
    {
        var (access, error) = await DirectLineAccess.AuthorizeAsync(http, null, tokens, store, cancellationToken);
        if (error != null)
        {
            return error;
        }
        // A coach token lives on only while its coach still has a console key: removing the key revokes it.
        if (access!.Token.UserId.StartsWith(CoachDirectory.ConsoleUserPrefix, StringComparison.Ordinal)
            && coaches.Find(access.Token.UserId[CoachDirectory.ConsoleUserPrefix.Length..]) is not { ConsoleKey.Length: > 0 })
        {
            return DirectLineHttp.Error(StatusCodes.Status403Forbidden, "This coach can no longer use the console.");
        }
        return Grant(await issuer.RenewAsync(access.Token, cancellationToken));
    }

    /// <summary>POST conversations: starts the token's conversation (201) and tells the bot about it once.</summary>
    private static async Task<IResult> StartConversationAsync(HttpContext http, DirectLineTokenService tokens, ConversationStore store,
        DirectLineChannel channel, TimeProvider clock, CancellationToken cancellationToken)
    {
        var (access, error) = await DirectLineAccess.AuthorizeAsync(http, null, tokens, store, cancellationToken);
        if (error != null)
        {
            return error;
        }
        await channel.EnsureStartedAsync(http, access!.Token, cancellationToken);
        return Results.Json(Conversation(access, clock), statusCode: StatusCodes.Status201Created);
    }

    private static async Task<IResult> ResumeConversationAsync(string conversationId, HttpContext http, DirectLineTokenService tokens,
        ConversationStore store, DirectLineChannel channel, TimeProvider clock, CancellationToken cancellationToken)
    {
        var (access, error) = await DirectLineAccess.AuthorizeAsync(http, conversationId, tokens, store, cancellationToken);
        if (error != null)
        {
            return error;
        }
        await channel.EnsureStartedAsync(http, access!.Token, cancellationToken);
        return Results.Json(Conversation(access, clock));
    }

    private static async Task<IResult> PostActivityAsync(string conversationId, HttpContext http, DirectLineTokenService tokens,
        ConversationStore store, DirectLineChannel channel, IOptions<BotOptions> botOptions, CancellationToken cancellationToken)
    {
        var (access, error) = await DirectLineAccess.AuthorizeAsync(http, conversationId, tokens, store, cancellationToken);
        if (error != null)
        {
            return error;
        }
        var maxText = botOptions.Value.MaxTextLength;
        // Room for the longest text fully escaped in JSON, plus the activity's other fields.
        var body = await DirectLineHttp.ReadBodyAsync(http.Request, (int)Math.Min(int.MaxValue, maxText * 6L + 64 * 1024), cancellationToken);
        if (body == null)
        {
            return DirectLineHttp.Error(StatusCodes.Status413PayloadTooLarge, "The activity is too large.");
        }
        var (activity, reason) = InboundActivityReader.Read(body, maxText);
        if (activity == null)
        {
            return DirectLineHttp.Error(StatusCodes.Status400BadRequest, reason!);
        }
        var stored = await channel.PostFromUserAsync(http, access!.Token, activity, cancellationToken);
        return stored == null
            ? DirectLineHttp.Error(StatusCodes.Status404NotFound, "The conversation no longer exists.")
            : Results.Json(new { id = stored.Value<string>("id") });
    }

    private static async Task<IResult> GetActivitiesAsync(string conversationId, HttpContext http, DirectLineTokenService tokens,
        ConversationStore store, IOptions<DirectLineOptions> options, ILoggerFactory loggers, CancellationToken cancellationToken)
    {
        var watermarkText = http.Request.Query["watermark"].ToString();
        try
        {
            var (access, error) = await DirectLineAccess.AuthorizeAsync(http, conversationId, tokens, store, cancellationToken);
            if (error != null)
            {
                return error;
            }
            var watermark = 0;
            if (!string.IsNullOrEmpty(watermarkText)
                && (!int.TryParse(watermarkText, NumberStyles.None, CultureInfo.InvariantCulture, out watermark) || watermark < 0))
            {
                return DirectLineHttp.Error(StatusCodes.Status400BadRequest, "'watermark' must be a number this server returned.");
            }
            var page = await store.ReadAsync(access!.Token.ConversationId, watermark, options.Value.MaxActivitiesPerPage, cancellationToken);
            if (page == null)
            {
                return DirectLineHttp.Error(StatusCodes.Status404NotFound, "The conversation no longer exists.");
            }
            var (activities, next) = page.Value;
            return DirectLineHttp.RawJson($"{{\"activities\":[{string.Join(",", activities)}],\"watermark\":\"{next.ToString(CultureInfo.InvariantCulture)}\"}}");
        }
        catch (Exception ex) when (ex is not OperationCanceledException || !cancellationToken.IsCancellationRequested)
        {
            // A 5xx would stop Web Chat's polling for good: answer "nothing new" and let it ask again.
            loggers.CreateLogger(typeof(DirectLineEndpoints)).LogError(ex, "Direct Line poll failed in conversation {ConversationId}", conversationId);
            var safeWatermark = int.TryParse(watermarkText, NumberStyles.None, CultureInfo.InvariantCulture, out var w) ? w : 0;
            return DirectLineHttp.RawJson($"{{\"activities\":[],\"watermark\":\"{safeWatermark}\"}}");
        }
    }

    private static IResult Grant(DirectLineGrant grant) =>
        Results.Json(new { conversationId = grant.ConversationId, token = grant.Token, expires_in = grant.ExpiresIn });

    private static object Conversation(DirectLineAccess access, TimeProvider clock) => new
    {
        conversationId = access.Token.ConversationId,
        token = access.RawToken,
        expires_in = Math.Max(0, (int)(access.Token.Expires - clock.GetUtcNow()).TotalSeconds),
    };
}
