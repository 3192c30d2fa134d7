using System.Globalization;
using System.Runtime;

namespace ChatBot.Commands.Benchmark;

/// <summary>
/// `benchmark`: ChatBot against the plain SDK echo bot, side by side in one run, through the real Connector path
/// (each bot posts its replies to this command's loopback channel). See docs/performance.md for the method.
/// </summary>
public static class BenchmarkCommand
{
    public const string Usage =
        "[--conversations 50] [--turns 40] [--target-turns 100] [--baseline-turns 40] [--warmup 1000] [--rate R] [--relay-rate 100] " +
        "[--mixes greetings,faq,faq+greetings,qualification,handoff] [--azurite CONNECTION] [--baseline-capacity N] [--env KEY=VALUE]... : ChatBot vs the plain SDK echo bot";

    public static async Task<int> RunAsync(string[] args)
    {
        BenchmarkOptions options;
        try
        {
            options = BenchmarkOptions.Parse(args);
        }
        catch (ArgumentException e)
        {
            Console.Error.WriteLine(e.Message);
            Console.Error.WriteLine("Usage: benchmark " + Usage);
            return 2;
        }

        var storage = options.AzuriteConnection == null ? "SQLite" : "Blob (Azurite)";
        Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
            $"ChatBot benchmark: {options.Conversations} concurrent conversations, {Environment.ProcessorCount} cores, {storage} store, {DateTime.UtcNow:u}"));
        Console.WriteLine($"Runtime: .NET {Environment.Version}, {(GCSettings.IsServerGC ? "Server" : "Workstation")} GC{(options.Environment.Count > 0 ? ", child env " + string.Join(" ", options.Environment.Select(e => e.Key + "=" + e.Value)) : "")}");
        await using var channel = await BenchmarkChannel.StartAsync();
        using var http = new HttpClient(new SocketsHttpHandler { MaxConnectionsPerServer = options.Conversations * 4 }) { Timeout = TimeSpan.FromSeconds(30) };
        var runner = new LoadRunner(channel);
        var results = new List<RunResult>();

        double baselineCapacity;
        if (options.BaselineCapacity is { } given)
        {
            baselineCapacity = given;
            Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"echo baseline not run: its capacity taken as {given:F0} turns/s (--baseline-capacity)"));
        }
        else
        {
            await using var echo = await BotProcess.StartAsync("echo", ["serve-echo", "--Logging:LogLevel:Default=Warning"], options.Environment);
            var context = new BenchContext(channel, http, echo);
            var players = Players(context, Mix.FaqAndGreetings, "echo", options.Conversations);
            await LoadRunner.WarmUpAsync(Players(context, Mix.FaqAndGreetings, "echo-warm", options.Conversations), options.Warmup);
            var baseline = (await runner.RunAsync("echo (baseline)", echo, players, Load.Closed, options.Conversations * options.BaselineTurns)).Single();
            results.Add(baseline);
            baselineCapacity = baseline.TurnsPerSecond;
            Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"echo: {baseline.TurnsPerSecond:F0} turns/s"));
        }
        var rate = options.Rate ?? Math.Round(2 * baselineCapacity);

        var dataPath = Path.Combine(Path.GetTempPath(), "chatbot-bench-" + Guid.NewGuid().ToString("N")[..8]);
        var coachKeys = Enumerable.Range(0, options.Conversations).Select(_ => Guid.NewGuid().ToString("N")).ToList();
        try
        {
            await using var bot = await BotProcess.StartAsync("chatbot", ChatBotArguments(options, dataPath, coachKeys), options.Environment);
            Console.WriteLine($"chatbot: pid {bot.Id}");
            var context = new BenchContext(channel, http, bot);
            // The knowledge base loads in the background after start: wait for it (a question waits for it), so its
            // 2-3 s of embedding never land in a measurement.
            var (ready, _, _) = await VisitorPlayer.PostAsync(context, "ready-" + Guid.NewGuid().ToString("N")[..8], "visitor-ready", Mix.FaqQuestions[0], Dialogs.Prospects.VisitorTypes.Customer, DateTime.UtcNow);
            if (!ready)
            {
                throw new InvalidOperationException("ChatBot did not answer a first FAQ question.");
            }
            foreach (var name in options.Mixes)
            {
                if (name == "handoff")
                {
                    results.AddRange(await RunHandoffAsync(runner, context, options, coachKeys));
                    continue;
                }
                var mix = Mix.Named(name)!;
                var target = mix == Mix.FaqAndGreetings;
                var turns = options.Conversations * (target ? options.TargetTurns : options.Turns);
                await LoadRunner.WarmUpAsync(Players(context, mix, $"warm-{mix.Name}", options.Conversations), options.Warmup);
                results.AddRange(await runner.RunAsync("ChatBot", bot, Players(context, mix, $"{mix.Name}-closed", options.Conversations), Load.Closed, turns));
                Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"{mix.Name}: closed {results[^1].TurnsPerSecond:F0} turns/s"));
                if (target)
                {
                    results.AddRange(await runner.RunAsync("ChatBot", bot, Players(context, mix, $"{mix.Name}-open", options.Conversations), Load.At(rate), turns));
                }
            }
        }
        finally
        {
            try { Directory.Delete(dataPath, true); } catch (IOException) { } catch (UnauthorizedAccessException) { }
        }

        BenchmarkReport.Print(results, channel.Unexpected, channel.UnexpectedSamples, rate, options);
        return results.All(r => r.Lost == 0 && r.Duplicates == 0) ? 0 : 1;
    }

    private static async Task<List<RunResult>> RunHandoffAsync(LoadRunner runner, BenchContext context, BenchmarkOptions options, List<string> coachKeys)
    {
        // One coach per conversation (a coach has one chat at a time), each connected before the measurement.
        var players = new List<Player>();
        for (var i = 0; i < options.Conversations; i++)
        {
            var coach = await DirectLineCoach.OpenAsync(context.Http, context.Bot.BaseUrl, coachKeys[i]);
            players.Add(await HandoffPlayer.ConnectAsync(context, coach, $"handoff-{i}"));
        }
        var turns = options.Conversations * options.Turns;
        await LoadRunner.WarmUpAsync(players, Math.Min(options.Warmup, turns));
        var results = await runner.RunAsync("ChatBot", context.Bot, players, Load.Closed, turns);
        Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"handoff: closed {results[0].TurnsPerSecond:F0} relays/s"));
        results.AddRange(await runner.RunAsync("ChatBot", context.Bot, players, Load.At(options.RelayRate), turns));
        return results;
    }

    private static List<string> ChatBotArguments(BenchmarkOptions options, string dataPath, List<string> coachKeys)
    {
        var arguments = new List<string> { "--Logging:LogLevel:Default=Warning" };
        if (options.AzuriteConnection != null)
        {
            arguments.Add("--Storage:Kind=Blob");
            arguments.Add("--Storage:ConnectionString=" + options.AzuriteConnection);
            arguments.Add("--Storage:Container=bench" + Guid.NewGuid().ToString("N")[..12]);
        }
        else
        {
            arguments.Add("--Storage:Path=" + dataPath);
        }
        // The benchmark's coaches, on the support team; their console keys exist only in this run.
        for (var i = 0; i < coachKeys.Count; i++)
        {
            arguments.Add($"--Handoff:Coaches:{i}:Id=bench-{i}");
            arguments.Add($"--Handoff:Coaches:{i}:Name=Coach {i}");
            arguments.Add($"--Handoff:Coaches:{i}:Team={HandoffPlayer.Team}");
            arguments.Add($"--Handoff:Coaches:{i}:ConsoleKey={coachKeys[i]}");
        }
        // They read the queue once, to accept, and do not keep refreshing it as the console page does: taken as present.
        arguments.Add("--Handoff:ConsolePresenceSeconds=3600");
        return arguments;
    }

    private static List<Player> Players(BenchContext context, Mix mix, string prefix, int count)
    {
        var run = prefix + "-" + Guid.NewGuid().ToString("N")[..6];
        return Enumerable.Range(0, count).Select(i => (Player)new VisitorPlayer(context, mix, run, i)).ToList();
    }
}

/// <summary>The benchmark's command-line options.</summary>
public sealed record BenchmarkOptions(
    int Conversations, int Turns, int TargetTurns, int BaselineTurns, int Warmup, double? Rate, double RelayRate,
    double? BaselineCapacity, IReadOnlyList<string> Mixes, string? AzuriteConnection, IReadOnlyDictionary<string, string> Environment)
{
    public static readonly string[] AllMixes = ["greetings", "faq", "faq+greetings", "qualification", "handoff"];

    public static BenchmarkOptions Parse(string[] args)
    {
        var environment = new Dictionary<string, string>();
        for (var i = 0; i < args.Length; i++)
        {
            if (args[i] == "--env" && i + 1 < args.Length)
            {
                var pair = args[i + 1].Split('=', 2);
                if (pair.Length != 2 || pair[0].Length == 0)
                {
                    throw new ArgumentException($"--env wants KEY=VALUE, not '{args[i + 1]}'.");
                }
                environment[pair[0]] = pair[1];
            }
        }
        var mixes = (Text(args, "--mixes") ?? string.Join(",", AllMixes)).Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);
        if (mixes.FirstOrDefault(m => !AllMixes.Contains(m)) is { } unknown)
        {
            throw new ArgumentException($"Unknown mix '{unknown}': the mixes are {string.Join(", ", AllMixes)}.");
        }
        return new BenchmarkOptions(
            Number(args, "--conversations", 50), Number(args, "--turns", 40), Number(args, "--target-turns", 100), Number(args, "--baseline-turns", 40),
            Number(args, "--warmup", 1000), Decimal(args, "--rate"), Decimal(args, "--relay-rate") ?? 100, Decimal(args, "--baseline-capacity"),
            mixes, Text(args, "--azurite"), environment);
    }

    private static string? Text(string[] args, string name)
    {
        var i = Array.IndexOf(args, name);
        if (i < 0)
        {
            return null;
        }
        return i + 1 < args.Length ? args[i + 1] : throw new ArgumentException($"{name} needs a value.");
    }

    private static int Number(string[] args, string name, int fallback) =>
        Text(args, name) is not { } text ? fallback
        : int.TryParse(text, NumberStyles.None, CultureInfo.InvariantCulture, out var value) && value > 0 ? value
        : throw new ArgumentException($"{name} must be a whole number above 0, not '{text}'.");

    private static double? Decimal(string[] args, string name) =>
        Text(args, name) is not { } text ? null
        : double.TryParse(text, NumberStyles.Float, CultureInfo.InvariantCulture, out var value) && value > 0 ? value
        : throw new ArgumentException($"{name} must be a number above 0, not '{text}'.");
}
