using System.Net.Http.Headers;
using Microsoft.Rest;

namespace ChatBot.DirectLine;

/// <summary>
/// What the bot's Connector client presents to this host's Bot Connector endpoints: a short-lived token
/// signed with the local key, the local equivalent of the AAD token a bot shows Azure Bot Service.
/// One token is reused for a few minutes (it lives ten), as MSAL caches the real one.
/// </summary>
public sealed class LocalBotCredentials(DirectLineTokenService tokens, TimeProvider clock) : ServiceClientCredentials
{
    private static readonly TimeSpan Reuse = TimeSpan.FromMinutes(5);
    private volatile Cached? _current;

    public override async Task ProcessHttpRequestAsync(HttpRequestMessage request, CancellationToken cancellationToken)
    {
        var current = _current;
        if (current == null || clock.GetUtcNow() >= current.Until)
        {
            var token = await tokens.CreateServiceTokenAsync(DirectLineTokenService.BotAudience, cancellationToken);
            current = new Cached(token, clock.GetUtcNow() + Reuse);
            _current = current;
        }
        request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", current.Token);
        await base.ProcessHttpRequestAsync(request, cancellationToken);
    }

    private sealed record Cached(string Token, DateTimeOffset Until);
}
