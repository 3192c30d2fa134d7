using ChatBot.Events;
using ChatBot.Handoff.Events;
using ChatBot.Options;
using Microsoft.Extensions.Options;

namespace ChatBot.Metrics;

/// <summary>
/// The demo event log: a SQLite file of its own (Metrics:DemoStorePath/demo-events.db), written only by the
/// demo-data command and read only when demo data is asked for, so demo events never mix with real ones.
/// </summary>
public sealed class DemoEventStore(IOptions<MetricsOptions> options, IHostEnvironment environment)
{
    public const string FileName = "demo-events.db";

    private readonly object _gate = new();
    private SqliteEventLog? _log;

    public string DatabaseFile => PathFor(options.Value.DemoStorePath, environment);

    public static string PathFor(string demoStorePath, IHostEnvironment environment) =>
        Path.Combine(BotHost.ResolvePath(demoStorePath, environment), FileName);

    /// <summary>The demo log, or null when the demo-data command has not been run (reading never creates it).</summary>
    public IEventLog? TryOpen()
    {
        lock (_gate)
        {
            if (_log == null && File.Exists(DatabaseFile))
            {
                _log = new SqliteEventLog(DatabaseFile);
            }
            return _log;
        }
    }
}
