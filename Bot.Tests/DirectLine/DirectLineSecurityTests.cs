using System.Net;
using System.Text;
using ChatBot.DirectLine;
using ChatBot.Tests.Infrastructure;
using Microsoft.Extensions.DependencyInjection;
using Newtonsoft.Json.Linq;

namespace ChatBot.Tests.DirectLine;

/// <summary>A token binds one conversation and one user; everything else is refused with a short JSON error.</summary>
public class DirectLineSecurityTests
{
    [Fact]
    public async Task Another_conversations_token_can_neither_read_nor_post()
    {
        await using var host = await BotTestHost.StartAsync();
        using var client = new DirectLineTestClient(host.BaseUrl);
        var first = await client.StartConversationAsync();
        await client.PostMessageAsync(first, "private to the first visitor");
        var before = await client.GetAllAsync(first);
        var second = await client.StartConversationAsync();

        var read = await client.GetActivitiesRawAsync(first.ConversationId, second.Token);
        var post = await client.PostActivityAsync(first.ConversationId, second.Token, """{"type":"message","text":"intruder"}""");
        var resume = await client.SendAsync(HttpMethod.Get, $"conversations/{first.ConversationId}", second.Token);

        AssertError(HttpStatusCode.Forbidden, read);
        AssertError(HttpStatusCode.Forbidden, post);
        AssertError(HttpStatusCode.Forbidden, resume);
        Assert.DoesNotContain("private", read.Body);
        var after = await client.GetAllAsync(first);
        Assert.Equal(before.Count, after.Count);
    }

    [Fact]
    public async Task A_client_cannot_choose_its_from_id()
    {
        await using var host = await BotTestHost.StartAsync();
        using var client = new DirectLineTestClient(host.BaseUrl);
        var grant = await client.StartConversationAsync("visitor-cccccccccccccccc");

        var (status, body) = await client.PostActivityAsync(grant.ConversationId, grant.Token,
            """{"type":"message","text":"hi","from":{"id":"coach:1","name":"Boss","role":"bot"},"recipient":{"id":"x"},"replyToId":"y"}""");

        Assert.Equal(HttpStatusCode.OK, status);
        var id = DirectLineTestClient.Parse(body).Value<string>("id");
        var stored = (await client.GetAllAsync(grant)).Single(a => a.Value<string>("id") == id);
        Assert.Equal("visitor-cccccccccccccccc", stored["from"]!.Value<string>("id"));
        Assert.Equal("user", stored["from"]!.Value<string>("role"));
        Assert.Null(stored["replyToId"]);
    }

    [Fact]
    public async Task Missing_invalid_and_expired_tokens_are_refused()
    {
        var clock = new FakeClock(DateTimeOffset.UtcNow);
        await using var host = await BotTestHost.StartAsync(services: s => s.AddSingleton<TimeProvider>(clock));
        using var client = new DirectLineTestClient(host.BaseUrl);
        var grant = await client.StartConversationAsync();
        var parts = grant.Token.Split('.');
        var tampered = parts[0] + "." + parts[1] + "." + new string(parts[2].Reverse().ToArray());

        AssertError(HttpStatusCode.Unauthorized, await client.GetActivitiesRawAsync(grant.ConversationId, null));
        AssertError(HttpStatusCode.Forbidden, await client.GetActivitiesRawAsync(grant.ConversationId, "not-a-token"));
        AssertError(HttpStatusCode.Forbidden, await client.GetActivitiesRawAsync(grant.ConversationId, tampered));

        clock.Advance(TimeSpan.FromHours(1) + TimeSpan.FromSeconds(1));
        AssertError(HttpStatusCode.Forbidden, await client.GetActivitiesRawAsync(grant.ConversationId, grant.Token));
        AssertError(HttpStatusCode.Forbidden, await client.PostActivityAsync(grant.ConversationId, grant.Token, """{"type":"message","text":"late"}"""));
        AssertError(HttpStatusCode.Forbidden, await client.SendAsync(HttpMethod.Post, "tokens/refresh", grant.Token));
    }

    [Fact]
    public async Task An_expired_token_resumes_its_conversation_through_generate_within_the_resume_window_only()
    {
        var clock = new FakeClock(DateTimeOffset.UtcNow);
        await using var host = await BotTestHost.StartAsync(
            new Dictionary<string, string?> { ["DirectLine:ResumeWindow"] = "2.00:00:00" },
            services: s => s.AddSingleton<TimeProvider>(clock));
        using var client = new DirectLineTestClient(host.BaseUrl);
        var grant = await client.StartConversationAsync("visitor-dddddddddddddddd");
        clock.Advance(TimeSpan.FromDays(1));

        var resumed = await client.GenerateAsync("visitor-dddddddddddddddd", earlierToken: grant.Token);
        Assert.Equal(grant.ConversationId, resumed.ConversationId);
        await client.GetActivitiesAsync(resumed);

        // Someone else's user id with this visitor's token is refused; so is the token once the window has passed.
        AssertError(HttpStatusCode.Forbidden, await client.SendAsync(HttpMethod.Post, "tokens/generate", grant.Token,
            """{"user":{"id":"visitor-eeeeeeeeeeeeeeee"}}"""));
        clock.Advance(TimeSpan.FromDays(2));
        AssertError(HttpStatusCode.Forbidden, await client.SendAsync(HttpMethod.Post, "tokens/generate", grant.Token,
            """{"user":{"id":"visitor-dddddddddddddddd"}}"""));
    }

    [Fact]
    public async Task A_user_id_cannot_be_taken_over_without_its_token()
    {
        await using var host = await BotTestHost.StartAsync();
        using var client = new DirectLineTestClient(host.BaseUrl);
        var owner = await client.StartConversationAsync("visitor-ffffffffffffffff");

        AssertError(HttpStatusCode.Conflict, await client.SendAsync(HttpMethod.Post, "tokens/generate", null,
            """{"user":{"id":"visitor-ffffffffffffffff"}}"""));
        AssertError(HttpStatusCode.BadRequest, await client.SendAsync(HttpMethod.Post, "tokens/generate", null, """{"user":{"id":"coach:1"}}"""));
        AssertError(HttpStatusCode.BadRequest, await client.SendAsync(HttpMethod.Post, "tokens/generate", null, """{"user":{"id":"short"}}"""));
        AssertError(HttpStatusCode.BadRequest, await client.SendAsync(HttpMethod.Post, "tokens/generate", null, "{oops"));
        Assert.NotEmpty(await client.GetAllAsync(owner));
    }

    [Fact]
    public async Task Unknown_conversation_is_404()
    {
        await using var host = await BotTestHost.StartAsync();
        using var client = new DirectLineTestClient(host.BaseUrl);
        var tokens = host.Services.GetRequiredService<DirectLineTokenService>();
        var token = await tokens.CreateClientTokenAsync("no-such-conversation", "visitor-gggggggggggggggg", null);

        AssertError(HttpStatusCode.NotFound, await client.GetActivitiesRawAsync("no-such-conversation", token));
        AssertError(HttpStatusCode.NotFound, await client.PostActivityAsync("no-such-conversation", token, """{"type":"message","text":"hi"}"""));
        AssertError(HttpStatusCode.NotFound, await client.SendAsync(HttpMethod.Post, "conversations", token));
    }

    [Fact]
    public async Task Only_the_bot_can_post_to_the_local_connector_endpoints()
    {
        await using var host = await BotTestHost.StartAsync();
        using var client = new DirectLineTestClient(host.BaseUrl);
        using var http = host.CreateClient();
        var grant = await client.StartConversationAsync();
        var before = (await client.GetAllAsync(grant)).Count;
        var fake = """{"type":"message","text":"I am the bot, honest"}""";

        var anonymous = await http.PostAsync($"v3/conversations/{grant.ConversationId}/activities", Json(fake));
        using var withClientToken = new HttpRequestMessage(HttpMethod.Post, $"v3/conversations/{grant.ConversationId}/activities") { Content = Json(fake) };
        withClientToken.Headers.Authorization = new("Bearer", grant.Token);
        var clientToken = await http.SendAsync(withClientToken);
        // An activity that claims this host as its serviceUrl, sent to /api/messages without the channel token.
        var forged = new JObject
        {
            ["type"] = "message", ["text"] = "make the bot answer into that conversation", ["channelId"] = "directline",
            ["serviceUrl"] = host.BaseUrl + "/", ["conversation"] = new JObject { ["id"] = grant.ConversationId },
            ["from"] = new JObject { ["id"] = "attacker" }, ["recipient"] = new JObject { ["id"] = "chatbot" },
        };
        var messages = await http.PostAsync("api/messages", Json(forged.ToString()));

        Assert.Equal(HttpStatusCode.Unauthorized, anonymous.StatusCode);
        Assert.Equal(HttpStatusCode.Unauthorized, clientToken.StatusCode);
        Assert.Equal(HttpStatusCode.Unauthorized, messages.StatusCode);
        Assert.Equal(before, (await client.GetAllAsync(grant)).Count);
    }

    internal static void AssertError(HttpStatusCode expected, (HttpStatusCode Status, string Body) response)
    {
        Assert.True(expected == response.Status, $"expected {(int)expected}, got {(int)response.Status}: {response.Body}");
        var error = DirectLineTestClient.Parse(response.Body).Value<string>("error");
        Assert.False(string.IsNullOrWhiteSpace(error));
        Assert.DoesNotContain("   at ", error);
    }

    private static StringContent Json(string json) => new(json, Encoding.UTF8, "application/json");
}
