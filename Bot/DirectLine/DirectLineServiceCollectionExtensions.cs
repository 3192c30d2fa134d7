using ChatBot.Handoff.Coaches;
using ChatBot.Options;
using Microsoft.Bot.Connector.Authentication;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Options;

namespace ChatBot.DirectLine;

public static class DirectLineServiceCollectionExtensions
{
    /// <summary>
    /// The local Direct Line channel. Call after BotFrameworkAuthentication is registered: it wraps that
    /// registration so the local channel's activities and replies use the local tokens.
    /// </summary>
    public static IServiceCollection AddDirectLine(this IServiceCollection services, IConfiguration configuration)
    {
        services.AddOptions<DirectLineOptions>().Bind(configuration.GetSection(DirectLineOptions.Section)).ValidateDataAnnotations().ValidateOnStart();
        services.TryAddSingleton(TimeProvider.System);
        services.AddHttpClient(LocalConnectorFactory.HttpClientName);
        services.AddSingleton<DirectLineTokenService>();
        services.AddSingleton<ConversationStore>();
        services.AddSingleton<DirectLineTokenIssuer>();
        services.AddSingleton<LocalServiceUrls>();
        services.AddSingleton<LocalBotCredentials>();
        services.AddSingleton<DirectLineBotGateway>();
        services.AddSingleton<DirectLineChannel>();
        // Before AddHandoff's default, which it replaces: coaches on the local channel are believed only from it.
        services.AddSingleton<ICoachIdentityVerifier, LocalChannelCoachVerifier>();

        var original = services.LastOrDefault(d => d.ServiceType == typeof(BotFrameworkAuthentication))
            ?? throw new InvalidOperationException("Register BotFrameworkAuthentication before calling AddDirectLine.");
        services.Remove(original);
        services.AddSingleton<BotFrameworkAuthentication>(sp => new LocalChannelAuthentication(
            Resolve(original, sp),
            sp.GetRequiredService<DirectLineTokenService>(),
            sp.GetRequiredService<LocalServiceUrls>(),
            sp.GetRequiredService<LocalBotCredentials>(),
            sp.GetRequiredService<IHttpClientFactory>(),
            configuration));
        return services;
    }

    public static IEndpointRouteBuilder MapDirectLine(this IEndpointRouteBuilder app)
    {
        DirectLineEndpoints.Map(app);
        ConnectorEndpoints.Map(app);
        // What the page needs to present the bot (name for the header and avatar initials).
        app.MapGet("/api/config", (IOptions<BotOptions> bot) => Results.Json(new { botName = bot.Value.Name, botId = bot.Value.Id }));
        return app;
    }

    private static BotFrameworkAuthentication Resolve(ServiceDescriptor descriptor, IServiceProvider services) =>
        (BotFrameworkAuthentication)(descriptor.ImplementationInstance
            ?? descriptor.ImplementationFactory?.Invoke(services)
            ?? ActivatorUtilities.CreateInstance(services, descriptor.ImplementationType!));
}
