using ChatBot.Adapters;
using Microsoft.Bot.Connector;
using Microsoft.Bot.Connector.Authentication;

namespace ChatBot.DirectLine;

/// <summary>
/// Builds the real <see cref="ConnectorClient"/> for the local channel's serviceUrl (with the local bot
/// credentials, shared across turns through <see cref="ConnectorClientCache"/>) and leaves every other
/// serviceUrl to the factory the SDK would have used.
/// </summary>
public sealed class LocalConnectorFactory(
    ConnectorFactory? inner, LocalServiceUrls localUrls, LocalBotCredentials credentials, IHttpClientFactory httpClients, ConnectorClientCache cache)
    : ConnectorFactory
{
    public const string HttpClientName = "directline-connector";
    private const string CacheAppId = "directline-local";

    public override Task<IConnectorClient> CreateAsync(string serviceUrl, string audience, CancellationToken cancellationToken = default)
    {
        if (localUrls.IsLocal(serviceUrl))
        {
            return cache.GetOrCreateAsync(CacheAppId, serviceUrl, audience, () => Task.FromResult<IConnectorClient>(
                new ConnectorClient(new Uri(serviceUrl), credentials, httpClients.CreateClient(HttpClientName), disposeHttpClient: true)));
        }
        return inner != null
            ? inner.CreateAsync(serviceUrl, audience, cancellationToken)
            : throw new InvalidOperationException($"No connector for serviceUrl {serviceUrl}.");
    }
}
