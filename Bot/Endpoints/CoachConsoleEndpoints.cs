using ChatBot.DirectLine;
using ChatBot.Handoff.Coaches;
using ChatBot.Handoff.Console;
using ChatBot.Handoff.Options;
using ChatBot.Handoff.Storage;
using Newtonsoft.Json;
using Newtonsoft.Json.Linq;

namespace ChatBot.Endpoints;

/// <summary>
/// The coach console: GET /coach (the page), POST /api/coach/token (a coach's console key in, a Direct Line
/// token bound to user id "coach:&lt;Id&gt;" out: the only way to act as a coach on the local channel) and
/// GET /api/coach/queue (the live queue panel; X-Coach-Key header; each call also marks the console open). No key, no console.
/// </summary>
public static class CoachConsoleEndpoints
{
    public const string KeyHeader = "X-Coach-Key";
    private const int MaxBodyBytes = 4 * 1024;

    public static IEndpointRouteBuilder MapCoachConsole(this IEndpointRouteBuilder app)
    {
        app.MapGet("/coach", (IWebHostEnvironment environment) =>
            Results.File(environment.WebRootFileProvider.GetFileInfo("coach.html").CreateReadStream(), "text/html; charset=utf-8"));
        app.MapPost("/api/coach/token", IssueTokenAsync);
        app.MapGet("/api/coach/queue", QueueAsync);
        return app;
    }

    private static async Task<IResult> IssueTokenAsync(HttpContext http, CoachDirectory coaches, DirectLineTokenIssuer issuer,
        ConversationStore conversations, Microsoft.Extensions.Options.IOptions<HandoffOptions> options, CancellationToken cancellationToken)
    {
        var body = await DirectLineHttp.ReadBodyAsync(http.Request, MaxBodyBytes, cancellationToken);
        if (body == null)
        {
            return DirectLineHttp.Error(StatusCodes.Status413PayloadTooLarge, "The request body is too large.");
        }
        string? key;
        try
        {
            key = JToken.Parse(body) is JObject { } root && root["key"] is JValue { Type: JTokenType.String } value ? (string?)value : null;
        }
        catch (JsonException)
        {
            return DirectLineHttp.Error(StatusCodes.Status400BadRequest, "The request body is not valid JSON.");
        }
        if (string.IsNullOrEmpty(key))
        {
            return DirectLineHttp.Error(StatusCodes.Status400BadRequest, "The body must be {\"key\": \"<your console key>\"}.");
        }
        var coach = coaches.FindByConsoleKey(key);
        if (coach == null)
        {
            return DirectLineHttp.Error(StatusCodes.Status401Unauthorized, "Unknown console key.");
        }
        if (options.Value.ConsoleChannelId != "directline")
        {
            return DirectLineHttp.Error(StatusCodes.Status409Conflict, "The console needs Handoff:ConsoleChannelId \"directline\".");
        }
        var grant = await issuer.IssueAsync(CoachDirectory.ConsoleUserId(coach.Id), coach.Name, cancellationToken: cancellationToken);
        // So that a privacy request can find what this console is shown about visitors (Privacy/VisitorEraser).
        await conversations.AddOwnedConversationAsync(grant.UserId, grant.ConversationId, cancellationToken);
        return Results.Json(new
        {
            token = grant.Token,
            conversationId = grant.ConversationId,
            userId = grant.UserId,
            expiresIn = grant.ExpiresIn,
            coach = new { id = coach.Id, name = coach.Name, team = coach.Team },
        });
    }

    private static async Task<IResult> QueueAsync(HttpContext http, CoachDirectory coaches, HandoffQueueView queue, CoachPresence presence,
        CancellationToken cancellationToken)
    {
        var coach = coaches.FindByConsoleKey(http.Request.Headers[KeyHeader].FirstOrDefault());
        if (coach == null)
        {
            return DirectLineHttp.Error(StatusCodes.Status401Unauthorized, $"Send your console key in the {KeyHeader} header.");
        }
        // The panel's refresh is the console's heartbeat: while it comes, the coach is present (CoachPresence).
        var me = await presence.SeenAsync(coach.Id, cancellationToken);
        var waiting = await queue.ListAsync(cancellationToken);
        return Results.Json(new
        {
            coach = new
            {
                id = coach.Id,
                name = coach.Name,
                team = coach.Team,
                status = me.Status == CoachStatus.Available ? "available" : "away",
                activeTicket = me.ActiveTicket,
            },
            waiting,
        });
    }
}
