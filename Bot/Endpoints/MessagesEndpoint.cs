using System.Net;
using ChatBot.DirectLine;
using ChatBot.Options;
using Microsoft.Bot.Builder;
using Microsoft.Bot.Builder.Integration.AspNet.Core;
using Microsoft.Extensions.Options;

namespace ChatBot.Endpoints;

/// <summary>POST /api/messages: the Bot Connector's entry point, as Azure Bot Service calls it.</summary>
public static class MessagesEndpoint
{
    public static async Task HandleAsync(HttpContext context, IBotFrameworkHttpAdapter adapter, IBot bot, IOptions<BotOptions> options, IConfiguration configuration)
    {
        // With MicrosoftAppId empty nothing authenticates this endpoint (Emulator mode), and the bot would post its
        // replies to whatever serviceUrl a caller names: that mode is for this machine only.
        if (string.IsNullOrEmpty(configuration["MicrosoftAppId"]) && !IsLoopback(context.Connection.RemoteIpAddress))
        {
            await ErrorAsync(context, StatusCodes.Status403Forbidden,
                "MicrosoftAppId is empty (local mode): /api/messages accepts requests from this machine only. Set MicrosoftAppId to take them from a channel.");
            return;
        }

        var maxText = options.Value.MaxTextLength;
        var body = await DirectLineHttp.ReadBodyAsync(context.Request, (int)Math.Min(int.MaxValue, maxText * 6L + 64 * 1024), context.RequestAborted);
        if (body == null)
        {
            await ErrorAsync(context, StatusCodes.Status413PayloadTooLarge, "The activity is too large.");
            return;
        }

        var (check, reason) = ActivityRequestValidator.Check(body, maxText);
        if (check == ActivityCheck.Invalid)
        {
            await ErrorAsync(context, StatusCodes.Status400BadRequest, reason!);
            return;
        }
        if (check == ActivityCheck.Ignore)
        {
            context.Response.StatusCode = StatusCodes.Status202Accepted;
            return;
        }

        context.Request.Body = new MemoryStream(System.Text.Encoding.UTF8.GetBytes(body));
        await adapter.ProcessAsync(context.Request, context.Response, bot, context.RequestAborted);
        // CloudAdapter answers a refused authentication with a bare 401.
        if (context.Response.StatusCode == StatusCodes.Status401Unauthorized && !context.Response.HasStarted)
        {
            await ErrorAsync(context, StatusCodes.Status401Unauthorized, "The request is not authorized for this bot.");
        }
    }

    private static bool IsLoopback(IPAddress? address) => address != null && IPAddress.IsLoopback(address.IsIPv4MappedToIPv6 ? address.MapToIPv4() : address);

    private static Task ErrorAsync(HttpContext context, int status, string error)
    {
        context.Response.StatusCode = status;
        return context.Response.WriteAsJsonAsync(new { error });
    }
}
