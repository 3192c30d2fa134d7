using System.Net;
using System.Text.Json;
using ChatBot.Handoff.Events;
using ChatBot.Tests.Infrastructure;
using Microsoft.Extensions.DependencyInjection;

namespace ChatBot.Tests.Metrics;

public class MetricsApiTests
{
    public const string Key = "test-metrics-key-0123456789";

    public static Dictionary<string, string?> Settings(string? demoPath = null) => new()
    {
        ["Storage:Kind"] = "Memory",
        ["Metrics:AccessKeys:0"] = Key,
        ["Metrics:DemoStorePath"] = demoPath ?? Path.Combine(Path.GetTempPath(), "chatbot-tests", "no-demo-" + Guid.NewGuid().ToString("N")),
    };

    private static HttpRequestMessage Get(string url, string? key = Key)
    {
        var request = new HttpRequestMessage(HttpMethod.Get, url);
        if (key != null)
        {
            request.Headers.Add("X-Access-Key", key);
        }
        return request;
    }

    private static async Task<BotTestHost> HostWithScriptedSet()
    {
        var host = await BotTestHost.StartAsync(Settings());
        var sink = host.Services.GetRequiredService<IOutcomeEventSink>();
        foreach (var e in ScriptedConversations.All())
        {
            await sink.RecordAsync(e);
        }
        return host;
    }

    [Fact]
    public async Task Metrics_json_matches_the_hand_computed_numbers()
    {
        await using var host = await HostWithScriptedSet();
        using var client = host.CreateClient();

        using var response = await client.SendAsync(Get("api/metrics?from=2026-11-02&to=2026-11-02"));
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        using var json = JsonDocument.Parse(await response.Content.ReadAsStringAsync());
        var root = json.RootElement;
        var m = root.GetProperty("metrics");

        Assert.Equal("2026-11-02", root.GetProperty("from").GetString());
        Assert.Equal("2026-11-02", root.GetProperty("to").GetString());
        Assert.False(root.GetProperty("demo").GetBoolean());
        Assert.Equal(20, root.GetProperty("targets").GetProperty("responseTargetSeconds").GetDouble());
        Assert.Equal(0.8, root.GetProperty("targets").GetProperty("responseGoal").GetDouble());
        Assert.Equal(6, m.GetProperty("engagements").GetInt32());
        Assert.Equal(4, m.GetProperty("deflection").GetProperty("count").GetInt32());
        Assert.Equal(6, m.GetProperty("deflection").GetProperty("total").GetInt32());
        Assert.Equal(2, m.GetProperty("chatsHandled").GetInt32());
        Assert.Equal(0.5, m.GetProperty("passThrough").GetProperty("rate").GetDouble());
        Assert.Equal(0.4, m.GetProperty("csat").GetProperty("overall").GetProperty("rate").GetDouble());
        Assert.Equal(0.25, m.GetProperty("responseTime").GetProperty("withinTarget").GetProperty("rate").GetDouble());
        Assert.Equal(28.5, m.GetProperty("responseTime").GetProperty("medianSeconds").GetDouble());
        Assert.Equal(41.7, m.GetProperty("responseTime").GetProperty("p90Seconds").GetDouble());
        Assert.Equal(1, m.GetProperty("queue").GetProperty("missed").GetProperty("count").GetInt32());
        Assert.Equal(0.4, m.GetProperty("faqAnswers").GetProperty("rate").GetDouble());
        Assert.Equal("how do i export contacts to excel", m.GetProperty("topUnanswered")[0].GetProperty("question").GetString());
        Assert.Equal(1, m.GetProperty("daily").GetArrayLength());
    }

    [Fact]
    public async Task Null_rates_are_sent_as_null()
    {
        await using var host = await BotTestHost.StartAsync(Settings());
        using var client = host.CreateClient();

        using var response = await client.SendAsync(Get("api/metrics?from=2026-11-02&to=2026-11-03&team=support"));
        using var json = JsonDocument.Parse(await response.Content.ReadAsStringAsync());
        var m = json.RootElement.GetProperty("metrics");

        Assert.Equal("support", json.RootElement.GetProperty("team").GetString());
        Assert.Equal(JsonValueKind.Null, m.GetProperty("deflection").GetProperty("rate").ValueKind);
        Assert.Equal(JsonValueKind.Null, m.GetProperty("responseTime").GetProperty("medianSeconds").ValueKind);
        Assert.Equal(2, m.GetProperty("daily").GetArrayLength());
        Assert.Equal(JsonValueKind.Null, m.GetProperty("daily")[0].GetProperty("csatRate").ValueKind);
    }

    [Fact]
    public async Task Default_range_is_the_last_30_days()
    {
        await using var host = await BotTestHost.StartAsync(Settings());
        using var client = host.CreateClient();

        using var json = JsonDocument.Parse(await (await client.SendAsync(Get("api/metrics"))).Content.ReadAsStringAsync());

        var today = DateOnly.FromDateTime(DateTime.UtcNow);
        var to = DateOnly.Parse(json.RootElement.GetProperty("to").GetString()!);
        Assert.True(to == today || to == today.AddDays(-1) || to == today.AddDays(1), $"to = {to}, today = {today}");
        Assert.Equal(to.AddDays(-29), DateOnly.Parse(json.RootElement.GetProperty("from").GetString()!));
        Assert.Equal(30, json.RootElement.GetProperty("metrics").GetProperty("daily").GetArrayLength());
    }

    [Theory]
    [InlineData("api/metrics")]
    [InlineData("api/metrics/events.csv")]
    [InlineData("api/metrics/daily.csv")]
    [InlineData("dashboard")]
    [InlineData("dashboard.html")]
    public async Task Without_a_key_it_is_401_and_with_a_wrong_key_403(string url)
    {
        await using var host = await BotTestHost.StartAsync(Settings());
        using var client = host.CreateClient();

        using var none = await client.SendAsync(Get(url, key: null));
        using var wrong = await client.SendAsync(Get(url, key: "not-the-key-at-all-000"));

        Assert.Equal(HttpStatusCode.Unauthorized, none.StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, wrong.StatusCode);
        if (url.StartsWith("dashboard"))
        {
            // The page asks a person for the key; it shows no data.
            Assert.Equal("text/html", none.Content.Headers.ContentType?.MediaType);
            Assert.Contains("name=\"key\"", await none.Content.ReadAsStringAsync());
            Assert.Contains("That access key is not accepted.", await wrong.Content.ReadAsStringAsync());
            Assert.DoesNotContain("dashboard.js", await wrong.Content.ReadAsStringAsync());
        }
        else
        {
            Assert.Contains("\"error\"", await none.Content.ReadAsStringAsync());
            Assert.Contains("\"error\"", await wrong.Content.ReadAsStringAsync());
        }
    }

    [Fact]
    public async Task The_page_takes_the_key_in_the_query_and_the_api_does_not()
    {
        await using var host = await BotTestHost.StartAsync(Settings());
        using var client = host.CreateClient();

        using var page = await client.GetAsync($"dashboard?key={Key}");
        using var api = await client.GetAsync($"api/metrics?key={Key}");

        Assert.Equal(HttpStatusCode.OK, page.StatusCode);
        Assert.Equal("text/html", page.Content.Headers.ContentType?.MediaType);
        Assert.Contains("dashboard.js", await page.Content.ReadAsStringAsync());
        Assert.Equal(HttpStatusCode.Unauthorized, api.StatusCode);
    }

    [Theory]
    [InlineData("from=2026-13-01")]
    [InlineData("from=yesterday")]
    [InlineData("to=2026-11-02T10:00:00Z")]
    [InlineData("from=2026-11-05&to=2026-11-01")]
    [InlineData("from=2020-01-01&to=2026-01-01")]
    [InlineData("team=sa%20les")]
    [InlineData("team=a&team=b")]
    [InlineData("demo=maybe")]
    [InlineData("from=9999-12-31&to=9999-12-31")]
    [InlineData("from=0001-01-01&to=0001-01-01")]
    [InlineData("to=0001-01-01")]
    [InlineData("to=0001-01-05", "api/metrics/events.csv")]
    [InlineData("to=9999-12-31", "api/metrics/daily.csv")]
    public async Task Bad_parameters_get_a_400_with_one_line_of_json(string query, string path = "api/metrics")
    {
        await using var host = await BotTestHost.StartAsync(Settings());
        using var client = host.CreateClient();

        using var response = await client.SendAsync(Get(path + "?" + query));

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        using var json = JsonDocument.Parse(await response.Content.ReadAsStringAsync());
        Assert.False(string.IsNullOrWhiteSpace(json.RootElement.GetProperty("error").GetString()));
    }

    [Fact]
    public async Task Events_csv_lists_the_raw_events_with_a_header()
    {
        await using var host = await HostWithScriptedSet();
        using var client = host.CreateClient();

        using var response = await client.SendAsync(Get("api/metrics/events.csv?from=2026-11-02&to=2026-11-02"));
        var lines = (await response.Content.ReadAsStringAsync()).Split("\r\n", StringSplitOptions.RemoveEmptyEntries);

        Assert.Equal("text/csv", response.Content.Headers.ContentType?.MediaType);
        Assert.Contains("attachment", response.Content.Headers.ContentDisposition?.ToString());
        Assert.StartsWith("schemaVersion,id,name,timestamp,conversationId", lines[0]);
        Assert.Equal(ScriptedConversations.All().Count + 1, lines.Length);
        Assert.Contains(lines, l => l.Contains(",handoff.first_reply,") && l.Contains(",12000,"));
        Assert.Contains(lines, l => l.EndsWith(",\"  how do I export   contacts to excel \"") || l.EndsWith(",  how do I export   contacts to excel "));
    }

    [Fact]
    public async Task Daily_csv_has_one_row_per_day_with_empty_cells_for_null()
    {
        await using var host = await HostWithScriptedSet();
        using var client = host.CreateClient();

        using var response = await client.SendAsync(Get("api/metrics/daily.csv?from=2026-11-01&to=2026-11-03"));
        var lines = (await response.Content.ReadAsStringAsync()).Split("\r\n", StringSplitOptions.RemoveEmptyEntries);

        Assert.Equal(
        [
            "date,engagements,chatsHandled,handoffRequests,deflectionRate,passThroughRate,csatRate,responseWithinTargetShare,abandonmentRate,faqAnswerRate",
            "2026-11-01,0,0,0,,,,,,",
            $"2026-11-02,6,2,4,{4.0 / 6:R},0.5,0.4,0.25,0.25,0.4",
            "2026-11-03,0,0,0,,,,,,",
        ], lines);
    }

    [Fact]
    public async Task The_host_keeps_events_in_events_db_under_Storage_Path_by_default_and_they_survive_a_restart()
    {
        var settings = Settings();
        settings["Storage:Kind"] = "Sqlite";
        string dataPath;
        await using (var first = await BotTestHost.StartAsync(settings))
        {
            dataPath = first.DataPath;
            var log = first.Services.GetRequiredService<IEventLog>();
            Assert.Equal(Path.Combine(dataPath, "events.db"), Assert.IsType<ChatBot.Events.SqliteEventLog>(log).DatabaseFile);
            foreach (var e in ScriptedConversations.All())
            {
                await first.Services.GetRequiredService<IOutcomeEventSink>().RecordAsync(e);
            }
        }

        await using var second = await BotTestHost.StartAsync(settings, dataPath);
        using var client = second.CreateClient();
        using var json = JsonDocument.Parse(await (await client.SendAsync(Get("api/metrics?from=2026-11-02&to=2026-11-02"))).Content.ReadAsStringAsync());
        Assert.Equal(6, json.RootElement.GetProperty("metrics").GetProperty("engagements").GetInt32());
    }

    [Fact]
    public async Task A_short_access_key_stops_the_host_at_start()
    {
        var settings = Settings();
        settings["Metrics:AccessKeys:0"] = "short";

        var error = await Assert.ThrowsAnyAsync<Exception>(() => BotTestHost.StartAsync(settings));

        Assert.Contains("AccessKeys", error.Message);
    }

    [Fact]
    public async Task Demo_data_is_a_404_until_the_command_has_written_it()
    {
        await using var host = await BotTestHost.StartAsync(Settings());
        using var client = host.CreateClient();

        using var response = await client.SendAsync(Get("api/metrics?demo=1"));

        Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
        Assert.Contains("demo-data", await response.Content.ReadAsStringAsync());
    }
}
