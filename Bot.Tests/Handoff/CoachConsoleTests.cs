using System.Net;
using System.Text;
using ChatBot.Dialogs.Prospects;
using ChatBot.Tests.DirectLine;
using ChatBot.Tests.Infrastructure;
using Microsoft.Extensions.DependencyInjection;
using Newtonsoft.Json.Linq;

namespace ChatBot.Tests.Handoff;

/// <summary>The coach console's endpoints and the whole handoff over the local Direct Line channel, in process.</summary>
public class CoachConsoleTests
{
    private const string DanaKey = "local-sample-sales-key-change-me";

    private static async Task<(HttpStatusCode Status, JObject Body)> TokenAsync(HttpClient client, string body)
    {
        var response = await client.PostAsync("api/coach/token", new StringContent(body, Encoding.UTF8, "application/json"));
        return (response.StatusCode, JObject.Parse(await response.Content.ReadAsStringAsync()));
    }

    private static async Task<(HttpStatusCode Status, JObject Body)> QueueAsync(HttpClient client, string? key)
    {
        using var request = new HttpRequestMessage(HttpMethod.Get, "api/coach/queue");
        if (key != null)
        {
            request.Headers.Add("X-Coach-Key", key);
        }
        var response = await client.SendAsync(request);
        return (response.StatusCode, JObject.Parse(await response.Content.ReadAsStringAsync()));
    }

    [Fact]
    public async Task The_console_page_is_served()
    {
        await using var host = await BotTestHost.StartAsync();
        using var client = host.CreateClient();
        var response = await client.GetAsync("coach");
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Contains("Coach console", await response.Content.ReadAsStringAsync());
    }

    [Theory]
    [InlineData("not json", HttpStatusCode.BadRequest)]
    [InlineData("{}", HttpStatusCode.BadRequest)]
    [InlineData("{\"key\": 42}", HttpStatusCode.BadRequest)]
    [InlineData("{\"key\": \"wrong\"}", HttpStatusCode.Unauthorized)]
    public async Task A_bad_or_unknown_key_gets_no_token(string body, HttpStatusCode expected)
    {
        await using var host = await BotTestHost.StartAsync();
        using var client = host.CreateClient();
        var (status, json) = await TokenAsync(client, body);
        Assert.Equal(expected, status);
        Assert.False(string.IsNullOrEmpty((string?)json["error"]));
        Assert.Null(json["token"]);
    }

    [Fact]
    public async Task A_coach_token_is_renewed_only_while_the_coach_has_a_console_key()
    {
        var dataPath = Path.Combine(Path.GetTempPath(), "chatbot-tests", Guid.NewGuid().ToString("N"));
        string token;
        await using (var host = await BotTestHost.StartAsync(dataPath: dataPath))
        {
            using var client = host.CreateClient();
            token = (string)(await TokenAsync(client, $$"""{"key": "{{DanaKey}}"}""")).Body["token"]!;
            var dl = new DirectLineTestClient(host.BaseUrl);

            // tokens/generate renews page tokens (returning visitors), never a token issued on a console key.
            var (status, _) = await dl.SendAsync(HttpMethod.Post, "tokens/generate", token, "{}");
            Assert.Equal(HttpStatusCode.Forbidden, status);
            Assert.Equal(HttpStatusCode.OK, (await dl.SendAsync(HttpMethod.Post, "tokens/refresh", token)).Status);
        }

        // The key is removed from the configuration: the coach's live token can no longer be refreshed.
        await using (var host = await BotTestHost.StartAsync(new Dictionary<string, string?> { ["Handoff:Coaches:0:ConsoleKey"] = "" }, dataPath))
        {
            var dl = new DirectLineTestClient(host.BaseUrl);
            var (status, body) = await dl.SendAsync(HttpMethod.Post, "tokens/refresh", token);
            Assert.Equal(HttpStatusCode.Forbidden, status);
            Assert.Contains("no longer", body);
        }
    }

    [Fact]
    public async Task Each_queue_refresh_of_an_open_console_marks_its_coach_present()
    {
        await using var host = await BotTestHost.StartAsync();
        using var dana = await ConsoleCoach.OpenAsync(host, ConsoleCoach.DanaKey, "Hi Dana");
        var store = host.Services.GetRequiredService<ChatBot.Handoff.Storage.HandoffStore>();
        var key = ChatBot.Handoff.Storage.HandoffStore.CoachKey("dana");
        var before = DateTimeOffset.UtcNow;

        await dana.QueueAsync(ConsoleCoach.DanaKey);

        var seen = (await store.GetAsync<ChatBot.Handoff.Storage.CoachRecord>(key, default))!.ConsoleSeenAt;
        Assert.NotNull(seen);
        Assert.InRange(seen!.Value, before.AddSeconds(-1), DateTimeOffset.UtcNow.AddSeconds(1));
    }

    [Fact]
    public async Task The_queue_needs_a_key()
    {
        await using var host = await BotTestHost.StartAsync();
        using var client = host.CreateClient();
        Assert.Equal(HttpStatusCode.Unauthorized, (await QueueAsync(client, null)).Status);
        Assert.Equal(HttpStatusCode.Unauthorized, (await QueueAsync(client, "wrong")).Status);
        var (status, body) = await QueueAsync(client, DanaKey);
        Assert.Equal(HttpStatusCode.OK, status);
        Assert.Equal("dana", (string?)body["coach"]!["id"]);
        Assert.Empty((JArray)body["waiting"]!);
    }

    [Fact]
    public async Task Visitor_and_coach_over_direct_line_from_request_to_feedback()
    {
        await using var host = await BotTestHost.StartAsync();
        using var client = host.CreateClient();
        using var directLine = new DirectLineTestClient(host.BaseUrl);

        // The coach opens the console: a token bound to coach:dana, then the hello event.
        var (status, token) = await TokenAsync(client, $"{{\"key\": \"{DanaKey}\"}}");
        Assert.Equal(HttpStatusCode.OK, status);
        Assert.Equal("coach:dana", (string?)token["userId"]);
        var coach = new DirectLineTestClient.Grant((string)token["conversationId"]!, (string)token["token"]!);
        Assert.Equal(HttpStatusCode.Created, (await directLine.SendAsync(HttpMethod.Post, "conversations", coach.Token)).Status);
        await directLine.PostActivityAsync(coach.ConversationId, coach.Token, "{\"type\":\"event\",\"name\":\"coach.hello\"}");
        await directLine.WaitForAsync(coach, a => DirectLineTestClient.IsBotMessage(a) && a.Value<string>("text")!.StartsWith("Hi Dana"), "the coach's status line");

        var visitor = await directLine.StartConversationAsync();
        await directLine.PostMessageAsync(visitor, "I'd like to talk to a person");
        await directLine.WaitForAsync(visitor, a => a.Value<string>("text")?.Contains("number 1 in line") == true, "the queue acknowledgement");
        await directLine.WaitForAsync(coach, a => a.Value<string>("text")?.Contains("New sales request") == true, "the alert");
        var waiting = (JArray)(await QueueAsync(client, DanaKey)).Body["waiting"]!;
        var ticket = waiting.Single().Value<int>("ticket");
        Assert.Contains("I'd like to talk to a person", waiting.Single()["lastMessages"]!.Values<string>());

        await directLine.PostMessageAsync(coach, $"accept {ticket}");
        await directLine.WaitForAsync(visitor, a => a.Value<string>("text")?.StartsWith("You're now chatting with Dana") == true, "connected");
        await directLine.PostMessageAsync(visitor, "Hello coach");
        await directLine.WaitForAsync(coach, a => a.Value<string>("text")?.EndsWith(": Hello coach") == true, "the visitor's message at the coach");
        await directLine.PostMessageAsync(coach, "Hello visitor");
        await directLine.WaitForAsync(visitor, a => a.Value<string>("text")?.EndsWith(": Hello visitor") == true, "the coach's message at the visitor");
        Assert.Equal(ticket, (await QueueAsync(client, DanaKey)).Body["coach"]!.Value<int?>("activeTicket"));

        await directLine.PostMessageAsync(coach, "end qualified");
        await directLine.WaitForAsync(visitor, a => a.Value<string>("text") == FeedbackDialog.Question, "the feedback question");
        Assert.Null((await QueueAsync(client, DanaKey)).Body["coach"]!.Value<int?>("activeTicket"));
    }
}
