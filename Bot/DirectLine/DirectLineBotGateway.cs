using System.Text;
using Microsoft.Bot.Builder;
using Microsoft.Bot.Builder.Integration.AspNet.Core;
using Newtonsoft.Json;
using Newtonsoft.Json.Linq;

namespace ChatBot.DirectLine;

/// <summary>
/// Hands an activity from the local channel to the bot through the same adapter call as POST /api/messages
/// (<see cref="IBotFrameworkHttpAdapter.ProcessAsync"/>), authenticated with the local channel token. The
/// bot's replies come back over HTTP to this host's Bot Connector endpoints through the real Connector client.
/// </summary>
public sealed class DirectLineBotGateway(
    IBotFrameworkHttpAdapter adapter,
    IServiceScopeFactory scopes,
    DirectLineTokenService tokens,
    ILogger<DirectLineBotGateway> logger)
{
    /// <summary>Runs the bot's turn for <paramref name="activity"/>; false (logged) when the adapter refused it.</summary>
    public async Task<bool> SendAsync(JObject activity, CancellationToken cancellationToken)
    {
        var context = new DefaultHttpContext();
        context.Request.Method = HttpMethods.Post;
        context.Request.ContentType = "application/json";
        context.Request.Body = new MemoryStream(Encoding.UTF8.GetBytes(activity.ToString(Formatting.None)));
        context.Request.Headers.Authorization = "Bearer " + await tokens.CreateServiceTokenAsync(DirectLineTokenService.ChannelAudience, cancellationToken);
        context.Response.Body = new MemoryStream();

        await using var scope = scopes.CreateAsyncScope();
        context.RequestServices = scope.ServiceProvider;
        var bot = scope.ServiceProvider.GetRequiredService<IBot>();
        await adapter.ProcessAsync(context.Request, context.Response, bot, cancellationToken);

        if (context.Response.StatusCode >= 400)
        {
            logger.LogWarning("The bot refused a Direct Line {Type} activity in conversation {ConversationId}: HTTP {Status}",
                activity.Value<string>("type"), activity["conversation"]?.Value<string>("id"), context.Response.StatusCode);
            return false;
        }
        return true;
    }
}
