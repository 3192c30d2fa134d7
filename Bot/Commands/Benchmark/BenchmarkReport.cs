using System.Globalization;

namespace ChatBot.Commands.Benchmark;

/// <summary>The benchmark's table, and the issue's targets checked against it. Every latency is printed with its load.</summary>
public static class BenchmarkReport
{
    public const double ThroughputRatioTarget = 2.0;
    public const double TurnP99TargetMs = 100;
    public const double RelayP99TargetMs = 50;
    public const double RssTargetMb = 600;
    public const int TurnsTarget = 10_000;

    public static void Print(IReadOnlyList<RunResult> results, long unexpected, IEnumerable<string> unexpectedSamples, double rate, BenchmarkOptions options)
    {
        var baseline = results.FirstOrDefault(r => r.Bot.StartsWith("echo", StringComparison.Ordinal));
        Console.WriteLine();
        Console.WriteLine($"{"bot",-15} {"mix",-20} {"load",-12} {"turns",6} {"turns/s",8} {"p50 ms",7} {"p95 ms",7} {"p99 ms",7} {"CPU ms/turn",11} {"peak RSS MB",11} {"lost",5} {"dup",4} {"x turns/s",9} {"x CPU/turn",10}");
        foreach (var r in results)
        {
            var throughputRatio = baseline == null || r.IsOpen ? "" : F(r.TurnsPerSecond / baseline.TurnsPerSecond, "F2");
            var cpuRatio = baseline == null ? "" : F(r.CpuMsPerTurn / baseline.CpuMsPerTurn, "F2");
            Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
                $"{r.Bot,-15} {r.Series,-20} {r.Load,-12} {r.Turns,6} {r.TurnsPerSecond,8:F0} {r.P50Ms,7:F1} {r.P95Ms,7:F1} {r.P99Ms,7:F1} {r.CpuMsPerTurn,11:F2} {r.PeakRssMb,11:F0} {r.Lost,5} {r.Duplicates,4} {throughputRatio,9} {cpuRatio,10}"));
        }
        Console.WriteLine("load: closed N = N conversations with zero think time (capacity; its latency is queueing at saturation);");
        Console.WriteLine("      open R/s = Poisson arrivals at R turns/s over the same conversations, latency counted from each arrival.");
        Console.WriteLine("turn latency: from the post until the first reply reaches the channel. relay visitor>coach: until Direct Line stored it in");
        Console.WriteLine("      the coach's conversation (its timestamp, 1 ms resolution); relay coach>visitor: until it reaches the channel.");
        Console.WriteLine("x = ratio to the echo baseline of this run (turns/s: closed loops only, higher is better; CPU/turn: lower is better).");
        Console.WriteLine($"Messages that reached the channel with no player waiting for them: {unexpected}.");
        foreach (var sample in unexpectedSamples)
        {
            Console.WriteLine("  e.g. " + (sample.Length > 110 ? sample[..110] + "..." : sample));
        }
        PrintTargets(results, baseline, rate, options);
    }

    private static void PrintTargets(IReadOnlyList<RunResult> results, RunResult? baseline, double rate, BenchmarkOptions options)
    {
        var chatbot = results.Where(r => r.Bot == "ChatBot").ToList();
        if (chatbot.Count == 0)
        {
            return;
        }
        Console.WriteLine();
        Console.WriteLine($"Targets ({options.Conversations} concurrent conversations, {(options.AzuriteConnection == null ? "SQLite" : "Blob")} store):");
        var closed = chatbot.FirstOrDefault(r => r.Series == Mix.FaqAndGreetings.Name && !r.IsOpen);
        if (closed != null && baseline != null)
        {
            var ratio = closed.TurnsPerSecond / baseline.TurnsPerSecond;
            Line($"throughput on faq+greetings >= {ThroughputRatioTarget:F0}x echo", $"{closed.TurnsPerSecond:F0} vs {baseline.TurnsPerSecond:F0} turns/s = {ratio:F2}x", ratio >= ThroughputRatioTarget);
        }
        var open = chatbot.FirstOrDefault(r => r.Series == Mix.FaqAndGreetings.Name && r.IsOpen);
        if (open != null)
        {
            Line($"turn p99 < {TurnP99TargetMs:F0} ms (faq+greetings, {open.Load})", $"{open.P99Ms:F1} ms (p50 {open.P50Ms:F1})", open.P99Ms < TurnP99TargetMs);
        }
        foreach (var relay in chatbot.Where(r => r.Series.StartsWith("relay", StringComparison.Ordinal) && r.IsOpen))
        {
            Line($"{relay.Series} p99 < {RelayP99TargetMs:F0} ms ({relay.Load})", $"{relay.P99Ms:F1} ms (p50 {relay.P50Ms:F1})", relay.P99Ms < RelayP99TargetMs);
        }
        var turns = chatbot.Sum(r => r.Turns);
        var lost = chatbot.Sum(r => r.Lost);
        var duplicates = chatbot.Sum(r => r.Duplicates);
        Line($"no lost or duplicated replies over >= {TurnsTarget} turns", $"{lost} lost, {duplicates} duplicated in {turns} turns", lost == 0 && duplicates == 0 && turns >= TurnsTarget);
        var rss = chatbot.Max(r => r.PeakRssMb);
        Line($"peak resident memory < {RssTargetMb:F0} MB (model loaded)", $"{rss:F0} MB", rss < RssTargetMb);
        if (options.Rate == null && baseline != null)
        {
            Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"(open-loop rate {rate:F0}/s = 2 x the echo baseline's measured capacity)"));
        }
    }

    private static void Line(string target, string figure, bool met) =>
        Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"  {target,-58} {figure,-40} {(met ? "met" : "NOT MET")}"));

    private static string F(double value, string format) => value.ToString(format, CultureInfo.InvariantCulture);
}
