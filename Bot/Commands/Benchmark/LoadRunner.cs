using System.Diagnostics;
using System.Threading.Channels;

namespace ChatBot.Commands.Benchmark;

/// <summary>
/// How turns are offered. Closed: every player sends its next message as soon as the previous one is answered (zero
/// think time), which measures capacity; its latency is queueing at saturation (Little's law: players / throughput).
/// Open: turns arrive at a fixed mean rate (Poisson), each to a player not waiting for a reply (at most one turn in
/// flight per conversation, as with a real visitor), so latency is measured at a stated load; a turn's latency counts
/// from its arrival, including any wait for a free player, so a slow bot cannot hide its backlog.
/// </summary>
public sealed record Load(bool Open, double Rate)
{
    public static Load Closed { get; } = new(false, 0);

    public static Load At(double rate) => new(true, rate);

    public string Describe(int players) => Open ? $"open {Rate:F0}/s" : $"closed {players}";
}

/// <summary>What one measured run printed.</summary>
public sealed record RunResult(
    string Bot, string Series, string Load, int Turns, double Seconds, double TurnsPerSecond,
    double P50Ms, double P95Ms, double P99Ms, double CpuMsPerTurn, double PeakRssMb, int Lost, long Duplicates)
{
    public bool IsOpen => Load.StartsWith("open", StringComparison.Ordinal);
}

/// <summary>Plays players' turns under a <see cref="Load"/> and measures what the channel (or the coach) saw.</summary>
public sealed class LoadRunner(BenchmarkChannel channel)
{
    public async Task<List<RunResult>> RunAsync(string botName, BotProcess bot, IReadOnlyList<Player> players, Load load, int turns)
    {
        var outcomes = new List<TurnOutcome>(turns);
        var cpuBefore = bot.CpuTime;
        var duplicatesBefore = channel.Duplicates;
        var clock = Stopwatch.StartNew();
        if (load.Open)
        {
            await OpenLoopAsync(players, load.Rate, turns, outcomes);
        }
        else
        {
            await ClosedLoopAsync(players, turns, outcomes);
        }
        clock.Stop();
        var cpu = bot.CpuTime - cpuBefore;
        var channelDuplicates = channel.Duplicates - duplicatesBefore;
        var seconds = clock.Elapsed.TotalSeconds;
        var rss = bot.PeakResidentMb;
        var cpuPerTurn = cpu.TotalMilliseconds / Math.Max(1, outcomes.Count);

        // One row per series (a handoff's two relay directions); throughput and CPU are the whole run's.
        return outcomes.GroupBy(o => o.Series).Select(g =>
        {
            var latencies = g.Where(o => o.Answered).Select(o => o.LatencyMs).Order().ToList();
            return new RunResult(botName, g.Key, load.Describe(players.Count), g.Count(), seconds, outcomes.Count / seconds,
                Percentile(latencies, 0.50), Percentile(latencies, 0.95), Percentile(latencies, 0.99), cpuPerTurn, rss,
                g.Count(o => !o.Answered), g.Sum(o => o.Duplicates) + (g.Key == outcomes[0].Series ? channelDuplicates : 0));
        }).ToList();
    }

    /// <summary>
    /// Turns not measured (JIT and tiered compilation, caches, connection pools), a closed loop: a fresh process needs
    /// about a thousand turns before its CPU per turn settles (greetings: 4 ms per turn over the first 2,000, 1.8 later).
    /// </summary>
    public static Task WarmUpAsync(IReadOnlyList<Player> players, int turns) => ClosedLoopAsync(players, turns, []);

    private static async Task ClosedLoopAsync(IReadOnlyList<Player> players, int turns, List<TurnOutcome> outcomes)
    {
        var remaining = turns;
        await Task.WhenAll(players.Select(async player =>
        {
            while (Interlocked.Decrement(ref remaining) >= 0)
            {
                var outcome = await player.PlayTurnAsync(DateTime.UtcNow);
                lock (outcomes)
                {
                    outcomes.Add(outcome);
                }
            }
        }));
    }

    private static async Task OpenLoopAsync(IReadOnlyList<Player> players, double rate, int turns, List<TurnOutcome> outcomes)
    {
        var free = Channel.CreateUnbounded<Player>();
        foreach (var player in players)
        {
            free.Writer.TryWrite(player);
        }
        var random = new Random(42);
        var started = DateTime.UtcNow;
        var clock = Stopwatch.StartNew();
        var arrival = 0.0;
        var inFlight = new List<Task>(turns);
        for (var i = 0; i < turns; i++)
        {
            // Exponential gaps: a Poisson arrival process at the given mean rate.
            arrival += -Math.Log(1 - random.NextDouble()) / rate;
            var wait = arrival - clock.Elapsed.TotalSeconds;
            if (wait > 0.001)
            {
                await Task.Delay(TimeSpan.FromSeconds(wait));
            }
            var due = started + TimeSpan.FromSeconds(arrival);
            inFlight.Add(Task.Run(async () =>
            {
                var player = await free.Reader.ReadAsync();
                try
                {
                    var outcome = await player.PlayTurnAsync(due);
                    lock (outcomes)
                    {
                        outcomes.Add(outcome);
                    }
                }
                finally
                {
                    free.Writer.TryWrite(player);
                }
            }));
        }
        await Task.WhenAll(inFlight);
    }

    private static double Percentile(List<double> sorted, double p) =>
        sorted.Count == 0 ? double.NaN : sorted[Math.Clamp((int)Math.Ceiling(p * sorted.Count) - 1, 0, sorted.Count - 1)];
}
