namespace ChatBot.Commands;

/// <summary>
/// Maintenance commands run from the same binary as the bot, with its configuration:
/// `dotnet run --project Bot -- &lt;command&gt; [args]`. Without a known command name the web host starts.
/// Each command lives in its own file in this folder and is listed here.
/// </summary>
public static class CommandLine
{
    private static readonly Dictionary<string, (string Usage, Func<string[], Task<int>> Run)> Commands = new(StringComparer.OrdinalIgnoreCase)
    {
        ["benchmark"] = (Benchmark.BenchmarkCommand.Usage, Benchmark.BenchmarkCommand.RunAsync),
        ["serve-echo"] = ("the benchmark's baseline: a plain SDK echo bot (same options as the host, e.g. --urls)", Benchmark.EchoBaselineCommand.RunAsync),
        ["demo-data"] = (DemoDataCommand.Usage, DemoDataCommand.RunAsync),
        ["faq-eval"] = (FaqEvalCommand.Usage, FaqEvalCommand.RunAsync),
        ["forget-visitor"] = (ForgetVisitorCommand.Usage, ForgetVisitorCommand.RunAsync),
    };

    public static bool IsCommand(string[] args) =>
        args.Length > 0 && (Commands.ContainsKey(args[0]) || args[0] is "help" or "--help");

    public static async Task<int> RunAsync(string[] args)
    {
        if (args[0] is "help" or "--help")
        {
            Console.WriteLine("Usage: dotnet run --project Bot -- [command]\nWithout a command, the bot's web host starts.\nCommands:");
            foreach (var (name, (usage, _)) in Commands)
            {
                Console.WriteLine($"  {name,-16} {usage}");
            }
            return 0;
        }
        return await Commands[args[0]].Run(args[1..]);
    }
}
