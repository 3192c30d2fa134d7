using System.Collections.Concurrent;
using System.Diagnostics;
using System.Net;
using System.Net.Sockets;
using System.IO.Compression;
using ChatBot.Events;
using ChatBot.Handoff.Events;
using ChatBot.Options;
using ChatBot.Tests.DirectLine;
using ChatBot.Tests.Infrastructure;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.AspNetCore.Http;
using Microsoft.Bot.Builder;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using Newtonsoft.Json.Linq;

namespace ChatBot.Tests.Metrics;

/// <summary>
/// Outcome events reach Application Insights when APPLICATIONINSIGHTS_CONNECTION_STRING is set: the real host, a real
/// Direct Line conversation, and a stand-in ingestion endpoint on loopback that records what the SDK's channel posts.
/// </summary>
public class ApplicationInsightsTelemetryTests
{
    /// <summary>Application Insights' ingestion endpoint on a free loopback port: keeps every POST body, un-gzipped.</summary>
    private sealed class FakeIngestion : IAsyncDisposable
    {
        private readonly WebApplication _app;

        private FakeIngestion(WebApplication app, string baseUrl)
        {
            _app = app;
            BaseUrl = baseUrl;
        }

        public ConcurrentQueue<(string Path, string Body)> Posts { get; } = new();
        public string BaseUrl { get; }

        /// <summary>Every envelope received (the channel posts newline-delimited JSON).</summary>
        public List<JObject> Envelopes => Posts
            .SelectMany(p => p.Body.Split('\n', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries))
            .Select(JObject.Parse).ToList();

        public static async Task<FakeIngestion> StartAsync()
        {
            var builder = WebApplication.CreateSlimBuilder(new WebApplicationOptions { ContentRootPath = AppContext.BaseDirectory });
            builder.WebHost.UseUrls("http://127.0.0.1:0");
            builder.Logging.ClearProviders();
            var app = builder.Build();
            FakeIngestion? self = null;
            app.MapPost("/{**path}", async (HttpContext context) =>
            {
                Stream body = context.Request.Body;
                if (context.Request.Headers.ContentEncoding.ToString().Contains("gzip", StringComparison.OrdinalIgnoreCase))
                {
                    body = new GZipStream(body, CompressionMode.Decompress);
                }
                using var reader = new StreamReader(body);
                var text = await reader.ReadToEndAsync();
                self!.Posts.Enqueue((context.Request.Path, text));
                var count = text.Split('\n', StringSplitOptions.RemoveEmptyEntries).Length;
                return Results.Json(new { itemsReceived = count, itemsAccepted = count, errors = Array.Empty<object>() });
            });
            await app.StartAsync();
            var address = app.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.First();
            self = new FakeIngestion(app, address.TrimEnd('/'));
            return self;
        }

        public async ValueTask DisposeAsync()
        {
            await _app.StopAsync();
            await _app.DisposeAsync();
        }
    }

    private static string? EventName(JObject envelope) => (string?)envelope.SelectToken("data.baseData.name");

    [Fact]
    public async Task A_conversations_outcome_events_reach_application_insights_by_the_time_the_host_has_stopped_without_message_text()
    {
        await using var ingestion = await FakeIngestion.StartAsync();
        var instrumentationKey = Guid.NewGuid().ToString();
        var host = await BotTestHost.StartAsync(new Dictionary<string, string?>
        {
            ["Storage:Kind"] = "Memory",
            [ApplicationInsightsOptions.ConnectionStringKey] = $"InstrumentationKey={instrumentationKey};IngestionEndpoint={ingestion.BaseUrl}/",
        });
        const string question = "How do I add a user to my portal?";
        const string unanswerable = "How should an e-commerce business use email?";
        DirectLineTestClient.Grant visitor;
        try
        {
            Assert.IsType<ApplicationInsightsBotTelemetryClient>(host.Services.GetRequiredService<IBotTelemetryClient>());
            using var client = new DirectLineTestClient(host.BaseUrl);
            visitor = await client.StartConversationAsync();
            var id = await client.PostMessageAsync(visitor, question);
            await client.WaitForAsync(visitor, a => DirectLineTestClient.IsBotMessage(a) && a.Value<string>("replyToId") == id, "the FAQ answer");
            // Not in the knowledge base: faq.unanswered, the one event whose log entry holds the visitor's words.
            id = await client.PostMessageAsync(visitor, unanswerable);
            await client.WaitForAsync(visitor, a => DirectLineTestClient.IsBotMessage(a) && a.Value<string>("replyToId") == id, "the offer of a coach");
        }
        finally
        {
            // A graceful stop: the container disposes the telemetry client, which sends what it buffered.
            await host.DisposeAsync();
        }

        var events = ingestion.Envelopes.Where(e => (string?)e.SelectToken("data.baseType") == "EventData").ToList();
        var names = events.Select(EventName).ToList();
        Assert.Contains(OutcomeEventNames.VisitorClassified, names);
        var answered = Assert.Single(events, e => EventName(e) == OutcomeEventNames.FaqAnswered);
        Assert.Equal(instrumentationKey, (string?)answered["iKey"]);
        var properties = (JObject)answered.SelectToken("data.baseData.properties")!;
        Assert.Equal(visitor.ConversationId, (string?)properties["conversationId"]);
        Assert.Equal("directline", (string?)properties["channel"]);
        Assert.StartsWith("kb-", (string?)properties["faqEntryId"]);
        Assert.InRange((double)answered.SelectToken("data.baseData.measurements.score")!, 0.0, 1.0);
        Assert.Single(events, e => EventName(e) == OutcomeEventNames.FaqUnanswered);
        Assert.All(events, e => Assert.Equal(visitor.ConversationId, (string?)e.SelectToken("data.baseData.properties.conversationId")));
        Assert.All(ingestion.Posts, p => Assert.StartsWith("/v2", p.Path));

        // The visitor's words are in nothing that was sent.
        Assert.All(ingestion.Posts, p =>
        {
            Assert.DoesNotContain(question, p.Body, StringComparison.OrdinalIgnoreCase);
            Assert.DoesNotContain("add a user", p.Body, StringComparison.OrdinalIgnoreCase);
            Assert.DoesNotContain(unanswerable, p.Body, StringComparison.OrdinalIgnoreCase);
            Assert.DoesNotContain("e-commerce", p.Body, StringComparison.OrdinalIgnoreCase);
        });
    }

    [Fact]
    public async Task An_ingestion_endpoint_that_never_answers_does_not_hold_the_stop_for_the_channels_100_s_timeout()
    {
        // Accepts connections and never answers.
        var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        var connected = new TaskCompletionSource<Socket>(TaskCreationOptions.RunContinuationsAsynchronously);
        _ = Task.Run(async () => connected.TrySetResult(await listener.AcceptSocketAsync()));
        try
        {
            var port = ((IPEndPoint)listener.LocalEndpoint).Port;
            var client = new ApplicationInsightsBotTelemetryClient($"InstrumentationKey={Guid.NewGuid()};IngestionEndpoint=http://127.0.0.1:{port}/")
            {
                FlushTimeout = TimeSpan.FromSeconds(1),
            };
            client.TrackEvent(OutcomeEventNames.FaqAnswered, new Dictionary<string, string> { ["conversationId"] = "c1" });

            var stopping = Stopwatch.StartNew();
            await client.DisposeAsync();
            stopping.Stop();

            using var socket = await connected.Task.WaitAsync(TimeSpan.FromSeconds(30));
            // Bounded by the 1 s flush timeout; without the bound it is the channel's 100 s send timeout.
            Assert.True(stopping.Elapsed < TimeSpan.FromSeconds(30), $"the stop waited {stopping.Elapsed}");
        }
        finally
        {
            listener.Stop();
        }
    }

    private static IServiceProvider OutcomeEventServices(string? connectionString)
    {
        var configuration = new ConfigurationBuilder()
            .AddInMemoryCollection(new Dictionary<string, string?> { [ApplicationInsightsOptions.ConnectionStringKey] = connectionString })
            .Build();
        return new ServiceCollection().AddLogging().AddOutcomeEvents(configuration).BuildServiceProvider();
    }

    [Theory]
    [InlineData(null)]
    [InlineData("")]
    [InlineData("  ")]
    public void Without_a_connection_string_the_telemetry_client_sends_nothing(string? connectionString)
    {
        using var services = (ServiceProvider)OutcomeEventServices(connectionString);
        Assert.IsType<NullBotTelemetryClient>(services.GetRequiredService<IBotTelemetryClient>());
    }

    [Fact]
    public void With_a_connection_string_the_telemetry_client_is_application_insights()
    {
        using var services = (ServiceProvider)OutcomeEventServices($"InstrumentationKey={Guid.NewGuid()};IngestionEndpoint=http://127.0.0.1:9/");
        Assert.IsType<ApplicationInsightsBotTelemetryClient>(services.GetRequiredService<IBotTelemetryClient>());
    }

    [Theory]
    [InlineData("not a connection string")]
    [InlineData("IngestionEndpoint=http://127.0.0.1:9/")]
    [InlineData("InstrumentationKey=00000000-0000-0000-0000-000000000000;IngestionEndpoint=not a url")]
    public void A_connection_string_application_insights_rejects_fails_validation_naming_the_setting(string connectionString)
    {
        using var services = (ServiceProvider)OutcomeEventServices(connectionString);
        var failure = Assert.Throws<OptionsValidationException>(() => services.GetRequiredService<IOptions<ApplicationInsightsOptions>>().Value);
        var message = Assert.Single(failure.Failures);
        Assert.StartsWith(ApplicationInsightsOptions.ConnectionStringKey + " is not an Application Insights connection string (", message);
    }
}
