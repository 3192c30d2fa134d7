using System.Text;
using ChatBot.Options;
using Microsoft.Bot.Builder;
using Microsoft.Bot.Builder.Integration.AspNet.Core;
using Microsoft.Extensions.Options;

namespace ChatBot.Endpoints;

/// <summary>POST /api/messages: the Bot Connector's entry point, as Azure Bot Service calls it.</summary>
public static class MessagesEndpoint
{
    public static async Task HandleAsync(HttpContext context, IBotFrameworkHttpAdapter adapter, IBot bot, IOptions<BotOptions> options)
    {
        context.Request.EnableBuffering();
        string body;
        using (var reader = new StreamReader(context.Request.Body, Encoding.UTF8, leaveOpen: true))
        {
            body = await reader.ReadToEndAsync(context.RequestAborted);
        }

        var (check, reason) = ActivityRequestValidator.Check(body, options.Value.MaxTextLength);
        if (check == ActivityCheck.Invalid)
        {
            context.Response.StatusCode = StatusCodes.Status400BadRequest;
            await context.Response.WriteAsJsonAsync(new { error = reason });
            return;
        }
        if (check == ActivityCheck.Ignore)
        {
            context.Response.StatusCode = StatusCodes.Status202Accepted;
            return;
        }

        context.Request.Body.Position = 0;
        await adapter.ProcessAsync(context.Request, context.Response, bot, context.RequestAborted);
    }
}
