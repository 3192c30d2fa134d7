using ChatBot.Tests.Browser;
using System.Globalization;
using System.Text.Json;
using ChatBot.Commands;
using ChatBot.Handoff.Events;
using ChatBot.Metrics;
using ChatBot.Tests.Infrastructure;
using Microsoft.Extensions.DependencyInjection;
using Xunit.Abstractions;

namespace ChatBot.Tests.Metrics;

/// <summary>
/// The dashboard in Debian's headless Chromium (playwright-core, Bot.Tests/Browser/dashboard.mjs) with only
/// loopback reachable: it must render offline, show the same numbers as /api/metrics and say DEMO DATA on the
/// demo store. Screenshots: test-output/browser/metrics-dashboard-*.png. Needs /usr/bin/chromium and
/// Bot.Tests/Browser/node_modules (./test.sh installs both).
/// </summary>
public class DashboardBrowserTests(ITestOutputHelper output)
{
    [Fact]
    public async Task The_scripted_set_shows_the_hand_computed_numbers()
    {
        await using var host = await BotTestHost.StartAsync(MetricsApiTests.Settings());
        var sink = host.Services.GetRequiredService<IOutcomeEventSink>();
        foreach (var e in ScriptedConversations.All())
        {
            await sink.RecordAsync(e);
        }

        var page = await OpenAsync(host, "from=2026-11-02&to=2026-11-02", "metrics-dashboard-scripted.png");

        // The hand computation is in MetricsCalculatorTests.
        Assert.Equal("66.7%", Card(page, "Deflection rate").Value);
        Assert.Equal("good", Card(page, "Deflection rate").Status);
        Assert.Equal("50.0%", Card(page, "Pass-through rate").Value);
        Assert.Equal("40.0%", Card(page, "CSAT").Value);
        Assert.Equal("bad", Card(page, "CSAT").Status);
        Assert.Equal("25.0%", Card(page, "Answered within 20 s").Value);
        Assert.Equal("6", Card(page, "Engagements").Value);
        Assert.Equal("2", Card(page, "Chats handled").Value);
        Assert.Equal("28.5 s", Card(page, "First response").Value);
        Assert.Equal("25.0%", Card(page, "Queue abandonment").Value);
        Assert.Equal("1", Card(page, "Missed handoffs").Value);
        Assert.Equal("40.0%", Card(page, "FAQ answer rate").Value);
        Assert.Equal(
            [["1", "how do i export contacts to excel", "2"], ["2", "do you integrate with slack", "1"]],
            page.GetProperty("unanswered").EnumerateArray().Select(r => r.EnumerateArray().Select(c => c.GetString()!).ToArray()).ToArray());
        Assert.Equal(JsonValueKind.Null, page.GetProperty("demoLabel").ValueKind);
    }

    [Fact]
    public async Task The_demo_month_renders_offline_labelled_as_demo_with_the_apis_numbers()
    {
        var demoPath = Path.Combine(Path.GetTempPath(), "chatbot-tests", "demo-" + Guid.NewGuid().ToString("N"));
        var today = DateOnly.FromDateTime(DateTime.UtcNow);
        await DemoDataCommand.WriteAsync(Path.Combine(demoPath, DemoEventStore.FileName), today, 30, seed: 7);
        await using var host = await BotTestHost.StartAsync(MetricsApiTests.Settings(demoPath));
        var range = $"from={today.AddDays(-29):yyyy-MM-dd}&to={today:yyyy-MM-dd}";

        var page = await OpenAsync(host, range + "&demo=1", "metrics-dashboard-demo.png");

        Assert.Equal("DEMO DATA · not real traffic", page.GetProperty("demoLabel").GetString());
        using var client = host.CreateClient();
        client.DefaultRequestHeaders.Add("X-Access-Key", MetricsApiTests.Key);
        using var api = JsonDocument.Parse(await client.GetStringAsync("api/metrics?demo=1&" + range));
        var m = api.RootElement.GetProperty("metrics");
        AssertPercent(m.GetProperty("deflection"), Card(page, "Deflection rate").Value);
        AssertPercent(m.GetProperty("passThrough"), Card(page, "Pass-through rate").Value);
        AssertPercent(m.GetProperty("csat").GetProperty("overall"), Card(page, "CSAT").Value);
        AssertPercent(m.GetProperty("responseTime").GetProperty("withinTarget"), Card(page, "Answered within 20 s").Value);
        AssertPercent(m.GetProperty("faqAnswers"), Card(page, "FAQ answer rate").Value);
        Assert.Equal(m.GetProperty("engagements").GetInt32().ToString(CultureInfo.InvariantCulture), Card(page, "Engagements").Value);
        Assert.Equal(10, page.GetProperty("unanswered").GetArrayLength());
    }

    private static void AssertPercent(JsonElement ratio, string shown)
    {
        var rate = ratio.GetProperty("rate").GetDouble() * 100;
        var value = double.Parse(shown.TrimEnd('%'), CultureInfo.InvariantCulture);
        Assert.True(Math.Abs(rate - value) <= 0.05, $"page shows {shown}, the API says {rate}%");
    }

    private static (string Value, string? Status) Card(JsonElement page, string label)
    {
        var card = page.GetProperty("cards").EnumerateArray().Single(c => c.GetProperty("label").GetString() == label);
        return (card.GetProperty("value").GetString()!, card.GetProperty("status").GetString());
    }

    /// <summary>Opens /dashboard?key=...&amp;query, checks what every page must do, and returns the script's findings.</summary>
    private async Task<JsonElement> OpenAsync(BotTestHost host, string query, string screenshotName)
    {
        Assert.True(File.Exists(Path.Combine(TestPaths.RepoRoot, "Bot", "wwwroot", "lib", "chart.js", "chart.umd.js")), "chart.js was not bundled by the build.");

        var folder = TestPaths.Output("browser");
        Directory.CreateDirectory(folder);
        var screenshot = Path.Combine(folder, screenshotName);
        File.Delete(screenshot);
        var url = $"{host.BaseUrl}/dashboard?key={MetricsApiTests.Key}&{query}";
        var result = await BrowserScript.RunAsync(output, "dashboard.mjs", url, screenshot);

        var page = JsonDocument.Parse(result).RootElement.Clone();
        Assert.Empty(page.GetProperty("pageErrors").EnumerateArray());
        Assert.Empty(page.GetProperty("offsite").EnumerateArray());
        Assert.True(page.GetProperty("chartJsLoaded").GetBoolean());
        // 6 trend charts, the histogram and CSAT, each with pixels on it.
        var charts = page.GetProperty("charts").EnumerateArray().ToList();
        Assert.Equal(8, charts.Count);
        Assert.All(charts, c => Assert.True(c.GetProperty("painted").GetInt32() > 0));
        // The key does not stay in the address bar.
        Assert.DoesNotContain("key=", page.GetProperty("addressBar").GetString());
        Assert.True(new FileInfo(screenshot).Length > 10_000);
        return page;
    }
}
