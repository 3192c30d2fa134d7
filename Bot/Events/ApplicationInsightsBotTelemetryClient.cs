using Microsoft.ApplicationInsights;
using Microsoft.ApplicationInsights.DataContracts;
using Microsoft.ApplicationInsights.Extensibility;
using Microsoft.Bot.Builder;

namespace ChatBot.Events;

/// <summary>
/// <see cref="IBotTelemetryClient"/> on Application Insights' <see cref="TelemetryClient"/>, each member mapped to
/// its TelemetryClient equivalent. It exists because the SDK's own (BotTelemetryClient, in
/// Microsoft.Bot.Builder.ApplicationInsights) is not served by our package feed; Microsoft.ApplicationInsights is.
/// Telemetry is buffered in memory (the default InMemoryChannel: sent every 30 s or every 500 items); disposing the
/// client, which the container does when the host shuts down, sends what is buffered (waiting at most FlushTimeout), so
/// a graceful stop loses nothing.
/// </summary>
public sealed class ApplicationInsightsBotTelemetryClient : IBotTelemetryClient, IBotPageViewTelemetryClient, IAsyncDisposable, IDisposable
{
    private readonly TelemetryConfiguration _configuration;
    private readonly TelemetryClient _client;
    private readonly ILogger? _logger;
    private int _disposed;

    /// <exception cref="ArgumentException">The connection string is not one Application Insights accepts.</exception>
    public ApplicationInsightsBotTelemetryClient(string connectionString, ILogger<ApplicationInsightsBotTelemetryClient>? logger = null)
    {
        _logger = logger;
        _configuration = new TelemetryConfiguration();
        try
        {
            _configuration.ConnectionString = connectionString;
        }
        catch
        {
            _configuration.Dispose();
            throw;
        }
        _client = new TelemetryClient(_configuration);
    }

    /// <summary>At shutdown, how long to wait for the last batch when the ingestion endpoint is slow or unreachable.</summary>
    internal TimeSpan FlushTimeout { get; init; } = TimeSpan.FromSeconds(10);

    /// <summary>Why Application Insights rejects this connection string, or null when it accepts it.</summary>
    public static string? Problem(string connectionString)
    {
        try
        {
            using var probe = new TelemetryConfiguration { ConnectionString = connectionString };
            return null;
        }
        catch (ArgumentException e)
        {
            return e.Message;
        }
    }

    public void TrackEvent(string eventName, IDictionary<string, string>? properties = null, IDictionary<string, double>? metrics = null) =>
        _client.TrackEvent(eventName, properties, metrics);

    public void TrackException(Exception exception, IDictionary<string, string>? properties = null, IDictionary<string, double>? metrics = null) =>
        _client.TrackException(exception, properties, metrics);

    public void TrackTrace(string message, Severity severityLevel, IDictionary<string, string>? properties) =>
        _client.TrackTrace(message, (SeverityLevel)severityLevel, properties);

    public void TrackDependency(string dependencyTypeName, string target, string dependencyName, string data, DateTimeOffset startTime, TimeSpan duration, string resultCode, bool success) =>
        _client.TrackDependency(dependencyTypeName, target, dependencyName, data, startTime, duration, resultCode, success);

    public void TrackAvailability(string name, DateTimeOffset timeStamp, TimeSpan duration, string runLocation, bool success, string? message = null, IDictionary<string, string>? properties = null, IDictionary<string, double>? metrics = null) =>
        _client.TrackAvailability(name, timeStamp, duration, runLocation, success, message, properties, metrics);

    public void TrackPageView(string name, IDictionary<string, string>? properties, IDictionary<string, double>? metrics)
    {
        var pageView = new PageViewTelemetry(name);
        Copy(properties, pageView.Properties);
        Copy(metrics, pageView.Metrics);
        _client.TrackPageView(pageView);
    }

    public void Flush() => _client.Flush();

    public async ValueTask DisposeAsync()
    {
        if (Interlocked.Exchange(ref _disposed, 1) == 1)
        {
            return;
        }
        // On the thread pool and bounded: the channel sends synchronously inside FlushAsync and Dispose, and an
        // endpoint that accepts but does not answer would hold the stop for the channel's own 100 s timeout.
        var sending = Task.Run(async () =>
        {
            await _client.FlushAsync(CancellationToken.None);
            _configuration.Dispose();
        });
        try
        {
            await sending.WaitAsync(FlushTimeout);
        }
        catch (TimeoutException)
        {
            _logger?.LogWarning("Application Insights did not take the last telemetry within {Seconds} s of shutdown; it may be lost.", FlushTimeout.TotalSeconds);
        }
    }

    public void Dispose() => DisposeAsync().AsTask().GetAwaiter().GetResult();

    private static void Copy<T>(IDictionary<string, T>? from, IDictionary<string, T> to)
    {
        foreach (var (key, value) in from ?? new Dictionary<string, T>())
        {
            to[key] = value;
        }
    }
}
