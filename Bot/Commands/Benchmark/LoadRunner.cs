using System.Diagnostics;
using System.Text;
using Newtonsoft.Json;
using Newtonsoft.Json.Linq;

namespace ChatBot.Commands.Benchmark;

/// <summary>What one measured run printed.</summary>
public sealed record RunResult(
    string Bot, string Mix, int Turns, double Seconds, double TurnsPerSecond,
    double P50Ms, double P95Ms, double P99Ms, double CpuMsPerTurn, double PeakRssMb, int Lost, long Duplicates);

/// <summary>
/// Plays N concurrent conversations of T turns against a bot's /api/messages, each turn waiting for
/// its reply at the benchmark channel before the next, and measures what the channel saw.
/// </summary>
public sealed class LoadRunner(BenchmarkChannel channel, HttpClient http)
{
    public async Task<RunResult> RunAsync(string botName, BotProcess bot, Mix mix, int conversations, int turns, int warmupTurns)
    {
        var runId = Guid.NewGuid().ToString("N")[..8];
        await PlayAsync(bot, mix, $"warm-{runId}", Math.Min(conversations, 10), Math.Max(1, warmupTurns / Math.Min(conversations, 10)), collect: null);

        var latencies = new List<double>();
        var cpuBefore = bot.CpuTime;
        var duplicatesBefore = channel.Duplicates;
        var clock = Stopwatch.StartNew();
        var turnIds = await PlayAsync(bot, mix, $"run-{runId}", conversations, turns, latencies);
        clock.Stop();
        var cpu = bot.CpuTime - cpuBefore;

        await Task.Delay(500); // stragglers
        var lost = turnIds.Count(id => channel.RepliesTo(id) == 0);
        latencies.Sort();
        var total = turnIds.Count;
        return new RunResult(botName, mix.Name, total, clock.Elapsed.TotalSeconds, total / clock.Elapsed.TotalSeconds,
            Percentile(latencies, 0.50), Percentile(latencies, 0.95), Percentile(latencies, 0.99),
            cpu.TotalMilliseconds / total, bot.PeakResidentMb, lost, channel.Duplicates - duplicatesBefore);
    }

    private async Task<List<string>> PlayAsync(BotProcess bot, Mix mix, string prefix, int conversations, int turns, List<double>? collect)
    {
        var turnIds = new List<string>();
        var gate = new object();
        await Task.WhenAll(Enumerable.Range(0, conversations).Select(async c =>
        {
            var conversationId = $"{prefix}-{c}";
            for (var t = 0; t < turns; t++)
            {
                var turnId = Guid.NewGuid().ToString("N");
                var text = mix.Next(c, t);
                var waiter = channel.Expect(turnId, conversationId);
                var started = DateTime.UtcNow;
                using var response = await http.PostAsync(bot.BaseUrl + "/api/messages", Body(turnId, conversationId, text));
                var replied = await Task.WhenAny(waiter.FirstReply, Task.Delay(TimeSpan.FromSeconds(10)));
                channel.Forget(turnId);
                lock (gate)
                {
                    turnIds.Add(turnId);
                    if (replied == waiter.FirstReply && collect != null)
                    {
                        collect.Add((waiter.FirstReply.Result - started).TotalMilliseconds);
                    }
                }
            }
        }));
        return turnIds;
    }

    private StringContent Body(string turnId, string conversationId, string text)
    {
        var activity = new JObject
        {
            ["type"] = "message",
            ["id"] = turnId,
            ["text"] = text,
            ["channelId"] = "webchat",
            ["serviceUrl"] = channel.ServiceUrl,
            ["timestamp"] = DateTimeOffset.UtcNow,
            ["from"] = new JObject { ["id"] = "visitor-" + conversationId, ["name"] = "Visitor", ["role"] = "user" },
            ["recipient"] = new JObject { ["id"] = "chatbot", ["name"] = "Bot", ["role"] = "bot" },
            ["conversation"] = new JObject { ["id"] = conversationId },
        };
        return new StringContent(activity.ToString(Formatting.None), Encoding.UTF8, "application/json");
    }

    private static double Percentile(List<double> sorted, double p) =>
        sorted.Count == 0 ? double.NaN : sorted[Math.Clamp((int)Math.Ceiling(p * sorted.Count) - 1, 0, sorted.Count - 1)];
}

/// <summary>A message mix: what the visitor of conversation c says at turn t.</summary>
public sealed record Mix(string Name, IReadOnlyList<string> Messages)
{
    public string Next(int conversation, int turn) => Messages[(conversation * 7 + turn) % Messages.Count];

    public static readonly Mix Greetings = new("greetings", ["hi", "hello", "good morning", "hey there", "hello!", "hi, anyone here?"]);

    /// <summary>Greetings and documented questions, half and half: free text goes through the real FAQ recognizer.</summary>
    public static readonly Mix FaqAndGreetings = new("faq+greetings",
    [
        "hi",
        "How do I add a user to my portal?",
        "hello",
        "Is there a free plan?",
        "good morning",
        "How much does Larkspur CRM cost?",
        "hey there",
        "How do I import my contacts from a spreadsheet?",
        "hi again",
        "Can I cancel my subscription at any time?",
    ]);
}
