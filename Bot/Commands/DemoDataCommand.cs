using System.Globalization;
using ChatBot.Events;
using ChatBot.Metrics;
using ChatBot.Options;

namespace ChatBot.Commands;

/// <summary>
/// `demo-data [--days 30] [--seed 7] [--end yyyy-MM-dd] [--path folder]`: (re)writes the demo store
/// (Metrics:DemoStorePath/demo-events.db) with a labelled, deterministic month of events ending today (UTC).
/// Never touches the real event log. Serve it with Metrics:UseDemoData=true or /dashboard?demo=1.
/// </summary>
public static class DemoDataCommand
{
    public const string Usage = "[--days 30] [--seed 7] [--end yyyy-MM-dd] [--path folder]: writes a labelled demo month of events into the demo store";

    public static async Task<int> RunAsync(string[] args)
    {
        var days = 30;
        var seed = 7;
        var end = DateOnly.FromDateTime(DateTime.UtcNow);
        string? path = null;
        for (var i = 0; i < args.Length; i++)
        {
            var value = i + 1 < args.Length ? args[i + 1] : null;
            var ok = args[i] switch
            {
                "--days" => int.TryParse(value, NumberStyles.None, CultureInfo.InvariantCulture, out days) && days is >= 1 and <= 366,
                "--seed" => int.TryParse(value, NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture, out seed),
                "--end" => DateOnly.TryParseExact(value, "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out end),
                "--path" => (path = value) != null,
                _ => false,
            };
            if (!ok)
            {
                Console.Error.WriteLine($"demo-data: bad value for '{args[i]}': '{value}'. Usage: demo-data {Usage}");
                return 2;
            }
            i++;
        }

        var file = path != null ? Path.Combine(Path.GetFullPath(path), DemoEventStore.FileName) : ConfiguredFile();
        var count = await WriteAsync(file, end, days, seed);
        Console.WriteLine($"DEMO DATA: wrote {count} events ({days} days to {end:yyyy-MM-dd}, seed {seed}) to {file}");
        Console.WriteLine("Serve it with Metrics:UseDemoData=true, or open /dashboard?demo=1&key=<access key>.");
        return 0;
    }

    /// <summary>Replaces the demo store's content with the generated month; returns the number of events.</summary>
    public static async Task<int> WriteAsync(string databaseFile, DateOnly lastDay, int days, int seed)
    {
        var events = DemoMonth.Generate(lastDay, days, seed);
        await new SqliteEventLog(databaseFile).ReplaceAllAsync(events);
        return events.Count;
    }

    /// <summary>The demo store the host would read, from the same configuration (appsettings, environment).</summary>
    private static string ConfiguredFile()
    {
        var builder = Host.CreateApplicationBuilder(new HostApplicationBuilderSettings { ContentRootPath = BotHost.ContentRoot, Args = [] });
        var options = builder.Configuration.GetSection(MetricsOptions.Section).Get<MetricsOptions>() ?? new MetricsOptions();
        return DemoEventStore.PathFor(options.DemoStorePath, builder.Environment);
    }
}
