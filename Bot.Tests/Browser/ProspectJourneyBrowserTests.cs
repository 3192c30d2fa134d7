using ChatBot.Tests.Infrastructure;
using Newtonsoft.Json.Linq;
using Xunit.Abstractions;

namespace ChatBot.Tests.Browser;

/// <summary>
/// The prospect journey in the real Web Chat (headless Chromium, prospect-journey.mjs): a prospect from the greeting
/// to a qualified handoff request that a signed-in sales coach sees with its summary; a documented question answered
/// at once, with the feedback question; an advice question routed to a coach. Then the event log and the metrics
/// are read over HTTP as the team would. Screenshots go to test-output/journey/.
/// </summary>
public class ProspectJourneyBrowserTests(ITestOutputHelper output)
{
    private const string MetricsKey = "local-sample-metrics-key-replace-me";
    private const string SalesConsoleKey = "local-sample-sales-key-change-me";

    [Fact]
    public async Task A_prospect_walks_from_the_greeting_to_a_qualified_handoff_and_the_events_and_metrics_follow()
    {

        await using var host = await BotTestHost.StartAsync();
        var screenshots = TestPaths.Output("journey");
        var text = await BrowserScript.RunAsync(output, "prospect-journey.mjs", host.BaseUrl, SalesConsoleKey, screenshots);
        var result = JObject.Parse(text.Trim().Split('\n').Last());
        Assert.True(result.Value<bool>("ok"));
        Assert.Equal(["Pricing", "I have a question", "Book a demo", "Talk to a person"], result["welcomeButtons"]!.Values<string>());
        Assert.Contains("Role: Sales · Size: 40 · Use: Sales pipeline · Timeline: This month", result.Value<string>("queuePanel"));
        Assert.Equal(["👍 Yes", "👎 No"], result["feedbackButtons"]!.Values<string>());
        foreach (var name in new[] { "journey-1-welcome.png", "journey-2-prices-and-first-question.png", "journey-4-queued.png", "journey-5-coach-queue.png", "journey-6-faq-answered.png", "journey-8-advice-routed.png" })
        {
            Assert.True(File.Exists(Path.Combine(screenshots, name)), name + " missing");
        }

        // The event log, as anyone can read it.
        using var client = host.CreateClient();
        client.DefaultRequestHeaders.Add("X-Access-Key", MetricsKey);
        var rows = ParseCsv(await client.GetStringAsync("api/metrics/events.csv"));
        var conversations = (JObject)result["conversations"]!;
        // The export guards against spreadsheet formulas: an id that starts with "-" (1 in 32 of the random ones) comes as "'-...".
        List<Dictionary<string, string>> Of(string who) => rows.Where(r => (r["conversationId"].StartsWith("'-") ? r["conversationId"][1..] : r["conversationId"]) == conversations.Value<string>(who)).ToList();

        var prospect = Of("visitor");
        Assert.Equal(
            ["engagement.started", "visitor.classified", "faq.answered", "qualification.completed", "routed", "handoff.requested", "handoff.queued", "handoff.alerted"],
            prospect.Select(r => r["name"]));
        Assert.Equal("kb-001", prospect[2]["faqEntryId"]);
        Assert.Equal(("100", "true"), (prospect[3]["score"], prospect[3]["qualified"]));
        Assert.Equal(("sales", "sales"), (prospect[4]["route"], prospect[4]["team"]));

        var asker = Of("asker");
        Assert.Equal(["engagement.started", "visitor.classified", "faq.answered", "csat.given"], asker.Select(r => r["name"]));
        Assert.Equal(("kb-007", "1"), (asker[2]["faqEntryId"], asker[2]["score"]));
        Assert.Equal(("true", "false"), (asker[3]["positive"], asker[3]["coachHandled"]));

        var advice = Of("advice");
        Assert.Equal(
            ["engagement.started", "visitor.classified", "faq.unanswered", "visitor.classified", "routed", "handoff.requested", "handoff.queued", "handoff.alerted"],
            advice.Select(r => r["name"]));
        Assert.Equal("How should an e-commerce business use email?", advice[2]["question"]);
        Assert.All(rows.Where(r => r["name"] != "faq.unanswered"), r => Assert.Equal("", r["question"]));

        // And the team's numbers from them (docs/metrics.md).
        var metrics = JObject.Parse(await client.GetStringAsync("api/metrics"))["metrics"]!;
        Assert.Equal(3, metrics.Value<int>("engagements"));
        Assert.Equal((3, 3), Ratio(metrics["deflection"]!));
        Assert.Equal((2, 3), Ratio(metrics["faqAnswers"]!));
        Assert.Equal((1, 1), Ratio(metrics["csat"]!["botOnly"]!));
        Assert.Equal(2, metrics["responseTime"]!.Value<int>("requests"));
    }

    private static (int Count, int Total) Ratio(JToken ratio) => (ratio.Value<int>("count"), ratio.Value<int>("total"));

    /// <summary>RFC 4180: quoted fields may hold commas, quotes ("") and line breaks.</summary>
    private static List<Dictionary<string, string>> ParseCsv(string csv)
    {
        var records = new List<List<string>>();
        var record = new List<string>();
        var field = new System.Text.StringBuilder();
        var quoted = false;
        for (var i = 0; i < csv.Length; i++)
        {
            var c = csv[i];
            if (quoted)
            {
                if (c == '"' && i + 1 < csv.Length && csv[i + 1] == '"')
                {
                    field.Append('"');
                    i++;
                }
                else if (c == '"')
                {
                    quoted = false;
                }
                else
                {
                    field.Append(c);
                }
            }
            else if (c == '"')
            {
                quoted = true;
            }
            else if (c == ',')
            {
                record.Add(field.ToString());
                field.Clear();
            }
            else if (c == '\n' || c == '\r')
            {
                if (c == '\r' && i + 1 < csv.Length && csv[i + 1] == '\n')
                {
                    i++;
                }
                record.Add(field.ToString());
                field.Clear();
                records.Add(record);
                record = [];
            }
            else
            {
                field.Append(c);
            }
        }
        if (field.Length > 0 || record.Count > 0)
        {
            record.Add(field.ToString());
            records.Add(record);
        }
        var header = records[0];
        return records.Skip(1).Where(r => r.Count == header.Count)
            .Select(r => header.Zip(r).ToDictionary(p => p.First, p => p.Second)).ToList();
    }
}
