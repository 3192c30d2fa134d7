using System.Security.Claims;
using Microsoft.Bot.Connector;
using Microsoft.Bot.Builder.Skills;
using Microsoft.Bot.Connector.Authentication;
using Microsoft.Bot.Schema;

namespace ChatBot.Adapters;

/// <summary>
/// Wraps the SDK's authentication so that CloudAdapter's turns reuse Connector clients
/// (<see cref="ConnectorClientCache"/>) and build a UserTokenClient only when OAuth needs one.
/// It has to wrap the factory inside AuthenticateRequestAsync's result, because that is the factory
/// CloudAdapter uses for incoming turns (CreateConnectorFactory serves only proactive turns).
/// Authentication itself (JWT validation when MicrosoftAppId is set) is the SDK's, unchanged.
/// </summary>
public sealed class ReusingBotFrameworkAuthentication(BotFrameworkAuthentication inner, ConnectorClientCache cache)
    : BotFrameworkAuthentication
{
    public override async Task<AuthenticateRequestResult> AuthenticateRequestAsync(Activity activity, string authHeader, CancellationToken cancellationToken)
    {
        var result = await inner.AuthenticateRequestAsync(activity, authHeader, cancellationToken);
        result.ConnectorFactory = Wrap(result.ConnectorFactory, result.ClaimsIdentity);
        return result;
    }

    public override async Task<AuthenticateRequestResult> AuthenticateStreamingRequestAsync(string authHeader, string channelIdHeader, CancellationToken cancellationToken)
    {
        var result = await inner.AuthenticateStreamingRequestAsync(authHeader, channelIdHeader, cancellationToken);
        result.ConnectorFactory = Wrap(result.ConnectorFactory, result.ClaimsIdentity);
        return result;
    }

    public override ConnectorFactory CreateConnectorFactory(ClaimsIdentity claimsIdentity) =>
        Wrap(inner.CreateConnectorFactory(claimsIdentity), claimsIdentity)!;

    public override Task<UserTokenClient> CreateUserTokenClientAsync(ClaimsIdentity claimsIdentity, CancellationToken cancellationToken) =>
        Task.FromResult<UserTokenClient>(new LazyUserTokenClient(() => inner.CreateUserTokenClientAsync(claimsIdentity, CancellationToken.None)));

    public override BotFrameworkClient CreateBotFrameworkClient() => inner.CreateBotFrameworkClient();

    public override string GetOriginatingAudience() => inner.GetOriginatingAudience();

    public override Task<ClaimsIdentity> AuthenticateChannelRequestAsync(string authHeader, CancellationToken cancellationToken) =>
        inner.AuthenticateChannelRequestAsync(authHeader, cancellationToken);

    private ConnectorFactory? Wrap(ConnectorFactory? factory, ClaimsIdentity? identity) =>
        factory == null ? null : new ReusingConnectorFactory(factory, identity == null ? null : JwtTokenValidation.GetAppIdFromClaims(identity.Claims), cache);

    private sealed class ReusingConnectorFactory(ConnectorFactory inner, string? appId, ConnectorClientCache cache) : ConnectorFactory
    {
        public override Task<IConnectorClient> CreateAsync(string serviceUrl, string audience, CancellationToken cancellationToken) =>
            cache.GetOrCreateAsync(appId, serviceUrl, audience, () => inner.CreateAsync(serviceUrl, audience, CancellationToken.None));
    }
}
