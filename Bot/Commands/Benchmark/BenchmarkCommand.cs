using System.Globalization;

namespace ChatBot.Commands.Benchmark;

/// <summary>
/// `benchmark`: ChatBot against the plain SDK echo bot, side by side in one run, through the real
/// Connector path (each bot posts its replies to this command's loopback channel).
/// Usage: benchmark [--conversations 50] [--turns 200] [--baseline-turns 40] [--warmup 300]
/// </summary>
public static class BenchmarkCommand
{
    public const string Usage = "[--conversations 50] [--turns 200] [--baseline-turns 40] [--warmup 300]: ChatBot vs the plain SDK echo bot";

    public static async Task<int> RunAsync(string[] args)
    {
        var conversations = IntArg(args, "--conversations", 50);
        var turns = IntArg(args, "--turns", 200);
        var baselineTurns = IntArg(args, "--baseline-turns", 40);
        var warmup = IntArg(args, "--warmup", 300);

        Console.WriteLine($"ChatBot benchmark: {conversations} concurrent conversations, {Environment.ProcessorCount} cores, {DateTime.UtcNow:u}");
        await using var channel = await BenchmarkChannel.StartAsync();
        using var http = new HttpClient(new SocketsHttpHandler { MaxConnectionsPerServer = conversations * 2 }) { Timeout = TimeSpan.FromSeconds(30) };
        var runner = new LoadRunner(channel, http);
        var results = new List<RunResult>();

        await using (var echo = await BotProcess.StartAsync("echo", ["serve-echo", "--Logging:LogLevel:Default=Warning"]))
        {
            results.Add(await runner.RunAsync("echo (baseline)", echo, Mix.Greetings, conversations, baselineTurns, warmup));
        }

        var dataPath = Path.Combine(Path.GetTempPath(), "chatbot-bench-" + Guid.NewGuid().ToString("N")[..8]);
        try
        {
            await using var bot = await BotProcess.StartAsync("chatbot", [$"--Storage:Path={dataPath}", "--Logging:LogLevel:Default=Warning"]);
            foreach (var mix in new[] { Mix.Greetings, Mix.FaqAndGreetings })
            {
                results.Add(await runner.RunAsync("ChatBot", bot, mix, conversations, turns, warmup));
            }
        }
        finally
        {
            try { Directory.Delete(dataPath, true); } catch (IOException) { }
        }

        Print(results);
        return results.All(r => r.Lost == 0 && r.Duplicates == 0) ? 0 : 1;
    }

    private static void Print(List<RunResult> results)
    {
        var baseline = results[0];
        Console.WriteLine();
        Console.WriteLine($"{"bot",-16} {"mix",-14} {"turns",6} {"turns/s",8} {"p50 ms",7} {"p95 ms",7} {"p99 ms",7} {"CPU ms/turn",11} {"peak RSS MB",11} {"lost",5} {"dup",4} {"x turns/s",9} {"x CPU/turn",10}");
        foreach (var r in results)
        {
            Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
                $"{r.Bot,-16} {r.Mix,-14} {r.Turns,6} {r.TurnsPerSecond,8:F0} {r.P50Ms,7:F1} {r.P95Ms,7:F1} {r.P99Ms,7:F1} {r.CpuMsPerTurn,11:F2} {r.PeakRssMb,11:F0} {r.Lost,5} {r.Duplicates,4} {r.TurnsPerSecond / baseline.TurnsPerSecond,9:F2} {r.CpuMsPerTurn / baseline.CpuMsPerTurn,10:F2}"));
        }
        Console.WriteLine("x = ratio to the echo baseline measured in this run (turns/s: higher is better; CPU/turn: lower is better).");
    }

    private static int IntArg(string[] args, string name, int fallback)
    {
        var i = Array.IndexOf(args, name);
        return i >= 0 && i + 1 < args.Length && int.TryParse(args[i + 1], out var value) && value > 0 ? value : fallback;
    }
}
