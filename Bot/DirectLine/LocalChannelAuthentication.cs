using System.Security.Claims;
using Microsoft.Bot.Connector.Authentication;
using Microsoft.Bot.Builder.Skills;
using Microsoft.Bot.Schema;

namespace ChatBot.DirectLine;

/// <summary>
/// Wraps the configured <see cref="BotFrameworkAuthentication"/> so that the local Direct Line channel takes
/// the production path through <c>CloudAdapter</c>, with or without a MicrosoftAppId:
/// an activity whose serviceUrl is this host must carry the local channel token (so nobody can make the bot
/// post into a local conversation through /api/messages), and the bot's replies to this host go through a
/// Connector client that signs them with the local bot token. Everything else is the SDK's own behaviour.
/// Activities of the local channel get an identity with the <see cref="LocalChannelClaim"/>, which only this class
/// gives, so the handoff can tell a coach console turn from an activity that merely says it is one.
/// </summary>
public sealed class LocalChannelAuthentication(
    BotFrameworkAuthentication inner,
    DirectLineTokenService tokens,
    LocalServiceUrls localUrls,
    LocalBotCredentials credentials,
    IHttpClientFactory httpClients,
    IConfiguration configuration) : BotFrameworkAuthentication
{
    /// <summary>The claim (value: the channel id) on the identity of every turn that came through the local channel.</summary>
    public const string LocalChannelClaim = "https://chatbot.local/claims/local-channel";

    private bool Anonymous => string.IsNullOrEmpty(configuration["MicrosoftAppId"]);

    public override async Task<AuthenticateRequestResult> AuthenticateRequestAsync(Activity activity, string authHeader, CancellationToken cancellationToken)
    {
        if (!localUrls.IsLocal(activity.ServiceUrl))
        {
            if (Anonymous && activity.ChannelId == DirectLineChannel.ChannelId)
            {
                // Without an app id nothing authenticates /api/messages: this host's channel id is its own, or anyone
                // could act in a local visitor's (or coach's) conversation by naming it.
                throw new UnauthorizedAccessException($"Activities of channel '{DirectLineChannel.ChannelId}' come only from this host's Direct Line channel.");
            }
            var result = await inner.AuthenticateRequestAsync(activity, authHeader, cancellationToken);
            result.ConnectorFactory = Wrap(result.ConnectorFactory);
            return result;
        }
        if (!await tokens.ValidateServiceHeaderAsync(authHeader, DirectLineTokenService.ChannelAudience, cancellationToken))
        {
            throw new UnauthorizedAccessException("Activities for the local Direct Line channel must come from it.");
        }
        var identity = BotIdentity();
        return new AuthenticateRequestResult
        {
            ClaimsIdentity = identity,
            Audience = AuthenticationConstants.ToChannelFromBotOAuthScope,
            CallerId = null,
            ConnectorFactory = Wrap(inner.CreateConnectorFactory(identity)),
        };
    }

    public override Task<AuthenticateRequestResult> AuthenticateStreamingRequestAsync(string authHeader, string channelIdHeader, CancellationToken cancellationToken) =>
        inner.AuthenticateStreamingRequestAsync(authHeader, channelIdHeader, cancellationToken);

    public override ConnectorFactory CreateConnectorFactory(ClaimsIdentity claimsIdentity) =>
        Wrap(inner.CreateConnectorFactory(claimsIdentity));

    public override Task<UserTokenClient> CreateUserTokenClientAsync(ClaimsIdentity claimsIdentity, CancellationToken cancellationToken) =>
        inner.CreateUserTokenClientAsync(claimsIdentity, cancellationToken);

    public override BotFrameworkClient CreateBotFrameworkClient() => inner.CreateBotFrameworkClient();

    public override string GetOriginatingAudience() => inner.GetOriginatingAudience();

    public override Task<ClaimsIdentity> AuthenticateChannelRequestAsync(string authHeader, CancellationToken cancellationToken) =>
        inner.AuthenticateChannelRequestAsync(authHeader, cancellationToken);

    private ConnectorFactory Wrap(ConnectorFactory? factory) =>
        factory is LocalConnectorFactory ? factory : new LocalConnectorFactory(factory, localUrls, credentials, httpClients);

    /// <summary>The identity a channel request for this bot would have: its app id as audience (empty when anonymous).</summary>
    private ClaimsIdentity BotIdentity()
    {
        var local = new Claim(LocalChannelClaim, DirectLineChannel.ChannelId);
        var appId = configuration["MicrosoftAppId"];
        if (string.IsNullOrEmpty(appId))
        {
            return new ClaimsIdentity([local], AuthenticationConstants.AnonymousAuthType);
        }
        return new ClaimsIdentity(
        [
            new Claim(AuthenticationConstants.AudienceClaim, appId),
            new Claim(AuthenticationConstants.AppIdClaim, appId),
            new Claim(AuthenticationConstants.VersionClaim, "1.0"),
            local,
        ], "DirectLineLocal");
    }
}
