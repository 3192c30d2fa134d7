using ChatBot.Tests.Infrastructure;
using Newtonsoft.Json.Linq;
using Xunit.Abstractions;

namespace ChatBot.Tests.Browser;

/// <summary>
/// The conversations of the second journey review replayed in the real Web Chat (headless Chromium,
/// review-replay.mjs), for what transcript tests cannot see: the self-serve links are real links that wrap (a bare
/// path used to render as a cut-off citation button next to an empty bullet), no button label is cut, and the
/// event log shows one qualification per qualified visitor however many price and demo questions follow.
/// Screenshots go to test-output/review/.
/// </summary>
public class ReviewReplayBrowserTests(ITestOutputHelper output)
{
    private const string MetricsKey = "local-sample-metrics-key-replace-me";
    private const string SalesConsoleKey = "local-sample-sales-key-change-me";

    [Fact]
    public async Task The_reviewers_conversations_read_right_in_Web_Chat()
    {

        await using var host = await BotTestHost.StartAsync();
        var screenshots = TestPaths.Output("review");
        var text = await BrowserScript.RunAsync(output, "review-replay.mjs", host.BaseUrl, SalesConsoleKey, screenshots);
        var result = JObject.Parse(text.Trim().Split('\n').Last());
        Assert.Empty(result["problems"]!);
        Assert.Equal(["Talk to sales"], result["afterQualifiedButtons"]!.Values<string>());
        Assert.Equal(["Book a demo with sales"], result["demoButtons"]!.Values<string>());
        Assert.Equal("Book a demo with sales", result["selfServeDemoButtons"]![0]!.Value<string>());
        Assert.All(result["bullets"]!, b => Assert.StartsWith(host.BaseUrl.TrimEnd('/') + "/#pricing", b.Value<string>("href")));

        using var client = host.CreateClient();
        client.DefaultRequestHeaders.Add("X-Access-Key", MetricsKey);
        var csv = await client.GetStringAsync("api/metrics/events.csv");
        var lines = csv.Split('\n', StringSplitOptions.RemoveEmptyEntries).Skip(1).ToList();
        var qualified = result["conversations"]!.Value<string>("qualified")!;
        int Count(string conversation, string name) => lines.Count(l => l.Contains("," + conversation + ",") && l.Contains("," + name + ","));
        Assert.Equal(1, Count(qualified, "qualification.completed"));
        Assert.Equal(1, Count(qualified, "handoff.requested"));
        // "ok thanks, bye" is not a question for the knowledge base.
        Assert.DoesNotContain(lines, l => l.Contains("ok thanks, bye"));
    }
}
