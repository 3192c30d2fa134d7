using ChatBot.Handoff.Events;
using ChatBot.Metrics;
using ChatBot.Options;
using Microsoft.Bot.Builder;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Options;

namespace ChatBot.Events;

public static class OutcomeEventsServiceCollectionExtensions
{
    /// <summary>
    /// The outcome events and the metrics computed from them: the event log for Storage:Kind, the sink that
    /// dialogs and the handoff record into (log + telemetry + meters), the "Metrics" options and the demo store.
    /// </summary>
    public static IServiceCollection AddOutcomeEvents(this IServiceCollection services, IConfiguration configuration)
    {
        services.AddOptions<MetricsOptions>().Bind(configuration.GetSection(MetricsOptions.Section)).ValidateDataAnnotations().ValidateOnStart();

        // Application Insights when APPLICATIONINSIGHTS_CONNECTION_STRING is set (validated at start), else nothing.
        // The container disposes the client at shutdown, which sends what it has buffered. A telemetry client
        // registered before this one wins.
        services.AddOptions<ApplicationInsightsOptions>()
            .Configure(o => o.ConnectionString = configuration[ApplicationInsightsOptions.ConnectionStringKey] ?? "")
            .ValidateOnStart();
        services.AddSingleton<IValidateOptions<ApplicationInsightsOptions>, ApplicationInsightsOptionsValidator>();
        services.TryAddSingleton<IBotTelemetryClient>(sp => sp.GetRequiredService<IOptions<ApplicationInsightsOptions>>().Value is { Enabled: true } insights
            ? new ApplicationInsightsBotTelemetryClient(insights.ConnectionString, sp.GetService<ILogger<ApplicationInsightsBotTelemetryClient>>())
            : NullBotTelemetryClient.Instance);
        services.AddMetrics();
        services.AddSingleton<OutcomeEventMeters>();
        // The event log itself comes with the storage (AddChatBotStorage): one per Storage:Kind.
        services.AddSingleton<IOutcomeEventSink, RecordingOutcomeEventSink>();
        services.AddSingleton<DemoEventStore>();
        services.AddSingleton<MetricsAccess>();
        services.TryAddSingleton(TimeProvider.System);
        return services;
    }
}
