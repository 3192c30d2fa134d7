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

        // Application Insights (or any telemetry client) replaces this when registered first.
        services.TryAddSingleton<IBotTelemetryClient, NullBotTelemetryClient>();
        services.AddMetrics();
        services.AddSingleton<OutcomeEventMeters>();
        services.AddSingleton<IEventLog>(sp => CreateEventLog(
            sp.GetRequiredService<IOptions<StorageOptions>>().Value, sp.GetRequiredService<IHostEnvironment>()));
        services.AddSingleton<IOutcomeEventSink, RecordingOutcomeEventSink>();
        services.AddSingleton<DemoEventStore>();
        services.AddSingleton<MetricsAccess>();
        services.TryAddSingleton(TimeProvider.System);
        return services;
    }

    internal static IEventLog CreateEventLog(StorageOptions options, IHostEnvironment environment) => options.Kind switch
    {
        StorageKind.Memory => new InMemoryEventLog(),
        StorageKind.Sqlite => new SqliteEventLog(Path.Combine(BotHost.ResolvePath(options.Path, environment), "events.db")),
        // StorageKind.Blob: the storage branch adds `new BlobEventLog(...)` here.
        _ => throw new InvalidOperationException($"Storage:Kind '{options.Kind}' has no event log yet. Use Sqlite or Memory."),
    };
}
