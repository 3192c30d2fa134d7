using System.Net;
using System.Text.Json;
using ChatBot.Commands;
using ChatBot.Handoff.Events;
using ChatBot.Handoff.Metrics;
using ChatBot.Metrics;
using ChatBot.Tests.Infrastructure;
using Microsoft.Extensions.DependencyInjection;

namespace ChatBot.Tests.Metrics;

public class DemoDataTests
{
    private static readonly DateOnly LastDay = new(2026, 11, 30);

    [Fact]
    public void The_same_seed_gives_the_same_month_and_everything_is_labelled_demo()
    {
        var a = DemoMonth.Generate(LastDay, 30, seed: 7);
        var b = DemoMonth.Generate(LastDay, 30, seed: 7);
        var c = DemoMonth.Generate(LastDay, 30, seed: 8);

        Assert.Equal(a.Select(OutcomeEventJson.Serialize), b.Select(OutcomeEventJson.Serialize));
        Assert.NotEqual(a.Select(OutcomeEventJson.Serialize), c.Select(OutcomeEventJson.Serialize));
        Assert.All(a, e =>
        {
            Assert.Equal(DemoMonth.Channel, e.Channel);
            Assert.StartsWith("demo-", e.Id);
            Assert.StartsWith("demo-", e.ConversationId);
            Assert.StartsWith("demo-", e.VisitorId);
        });
        Assert.Equal(a.Count, a.Select(e => e.Id).Distinct().Count());
    }

    [Fact]
    public void The_demo_month_fills_every_metric()
    {
        var events = DemoMonth.Generate(LastDay, 30, seed: 7);
        var from = new DateTimeOffset(LastDay.AddDays(-29).ToDateTime(TimeOnly.MinValue), TimeSpan.Zero);

        var report = MetricsCalculator.Compute(events, new MetricsQuery { From = from, To = from.AddDays(30) });

        Assert.InRange(report.Engagements, 600, 1200);
        Assert.All(report.Daily, d => Assert.True(d.Engagements > 0));
        Assert.InRange(report.Deflection.Rate!.Value, 0.4, 0.8);
        Assert.InRange(report.PassThrough.Rate!.Value, 0.1, 0.6);
        Assert.InRange(report.ResponseTime.WithinTarget.Rate!.Value, 0.4, 0.95);
        Assert.True(report.Csat.BotOnly.Total > 0 && report.Csat.CoachHandled.Total > 0);
        Assert.True(report.Queue.Abandoned.Count > 0 && report.Queue.Missed.Count > 0);
        Assert.True(report.TopUnanswered.Count >= 5);
    }

    [Fact]
    public async Task The_command_writes_a_separate_store_that_the_host_serves_only_as_demo()
    {
        var demoPath = Path.Combine(Path.GetTempPath(), "chatbot-tests", "demo-" + Guid.NewGuid().ToString("N"));
        Assert.Equal(0, await CommandLine.RunAsync(["demo-data", "--days", "3", "--end", "2026-11-30", "--path", demoPath]));
        Assert.Equal(2, await CommandLine.RunAsync(["demo-data", "--days", "zero"]));

        await using var host = await BotTestHost.StartAsync(MetricsApiTests.Settings(demoPath));
        using var client = host.CreateClient();
        client.DefaultRequestHeaders.Add("X-Access-Key", MetricsApiTests.Key);

        using var demo = JsonDocument.Parse(await client.GetStringAsync("api/metrics?from=2026-11-28&to=2026-11-30&demo=1"));
        using var real = JsonDocument.Parse(await client.GetStringAsync("api/metrics?from=2026-11-28&to=2026-11-30"));

        Assert.True(demo.RootElement.GetProperty("demo").GetBoolean());
        Assert.True(demo.RootElement.GetProperty("metrics").GetProperty("engagements").GetInt32() > 0);
        Assert.False(real.RootElement.GetProperty("demo").GetBoolean());
        Assert.Equal(0, real.RootElement.GetProperty("metrics").GetProperty("engagements").GetInt32());

        // The real log holds nothing of the demo.
        var count = 0;
        await foreach (var _ in host.Services.GetRequiredService<IEventLog>().ReadAsync(DateTimeOffset.MinValue, DateTimeOffset.MaxValue))
        {
            count++;
        }
        Assert.Equal(0, count);

        using var csv = await client.GetAsync("api/metrics/events.csv?from=2026-11-30&to=2026-11-30&demo=1");
        Assert.Equal(HttpStatusCode.OK, csv.StatusCode);
        Assert.Contains("chatbot-demo-events-", csv.Content.Headers.ContentDisposition?.ToString());
    }

    [Fact]
    public async Task UseDemoData_makes_the_demo_store_the_default()
    {
        var demoPath = Path.Combine(Path.GetTempPath(), "chatbot-tests", "demo-" + Guid.NewGuid().ToString("N"));
        await DemoDataCommand.WriteAsync(Path.Combine(demoPath, DemoEventStore.FileName), new DateOnly(2026, 11, 30), 2, 7);
        var settings = MetricsApiTests.Settings(demoPath);
        settings["Metrics:UseDemoData"] = "true";

        await using var host = await BotTestHost.StartAsync(settings);
        using var client = host.CreateClient();
        client.DefaultRequestHeaders.Add("X-Access-Key", MetricsApiTests.Key);
        using var json = JsonDocument.Parse(await client.GetStringAsync("api/metrics?from=2026-11-29&to=2026-11-30"));

        Assert.True(json.RootElement.GetProperty("demo").GetBoolean());
        Assert.True(json.RootElement.GetProperty("metrics").GetProperty("engagements").GetInt32() > 0);
    }
}
