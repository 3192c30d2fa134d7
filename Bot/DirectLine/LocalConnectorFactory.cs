using Microsoft.Bot.Connector;
using Microsoft.Bot.Connector.Authentication;

namespace ChatBot.DirectLine;

/// <summary>
/// Builds the real <see cref="ConnectorClient"/> for the local channel's serviceUrl (with the local bot
/// credentials) and leaves every other serviceUrl to the factory the SDK would have used.
/// </summary>
public sealed class LocalConnectorFactory(
    ConnectorFactory? inner, LocalServiceUrls localUrls, LocalBotCredentials credentials, IHttpClientFactory httpClients)
    : ConnectorFactory
{
    public const string HttpClientName = "directline-connector";

    public override Task<IConnectorClient> CreateAsync(string serviceUrl, string audience, CancellationToken cancellationToken = default)
    {
        if (localUrls.IsLocal(serviceUrl))
        {
            IConnectorClient client = new ConnectorClient(new Uri(serviceUrl), credentials, httpClients.CreateClient(HttpClientName), disposeHttpClient: true);
            return Task.FromResult(client);
        }
        return inner != null
            ? inner.CreateAsync(serviceUrl, audience, cancellationToken)
            : throw new InvalidOperationException($"No connector for serviceUrl {serviceUrl}.");
    }
}
