using System.Net.Http.Headers;
using Microsoft.Rest;

namespace ChatBot.DirectLine;

/// <summary>
/// What the bot's Connector client presents to this host's Bot Connector endpoints: a short-lived token
/// signed with the local key, the local equivalent of the AAD token a bot shows Azure Bot Service.
/// </summary>
public sealed class LocalBotCredentials(DirectLineTokenService tokens) : ServiceClientCredentials
{
    public override async Task ProcessHttpRequestAsync(HttpRequestMessage request, CancellationToken cancellationToken)
    {
        var token = await tokens.CreateServiceTokenAsync(DirectLineTokenService.BotAudience, cancellationToken);
        request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", token);
        await base.ProcessHttpRequestAsync(request, cancellationToken);
    }
}
