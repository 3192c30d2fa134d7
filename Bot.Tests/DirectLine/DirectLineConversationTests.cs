using System.Globalization;
using System.Net;
using ChatBot.Dialogs.Prospects;
using ChatBot.Tests.Infrastructure;
using Newtonsoft.Json.Linq;

namespace ChatBot.Tests.DirectLine;

/// <summary>A Direct Line client against the real host: start, post, poll, page, refresh.</summary>
public class DirectLineConversationTests
{
    [Fact]
    public async Task Starting_a_conversation_brings_the_bots_welcome()
    {
        await using var host = await BotTestHost.StartAsync();
        using var client = new DirectLineTestClient(host.BaseUrl);

        var grant = await client.StartConversationAsync();

        var welcome = await client.WaitForAsync(grant, DirectLineTestClient.IsBotMessage, "the welcome");
        Assert.Contains("Larkspur Assistant", welcome.Value<string>("text"));
        Assert.Equal(grant.ConversationId, welcome["conversation"]!.Value<string>("id"));
        Assert.False(string.IsNullOrEmpty(welcome.Value<string>("id")));
    }

    [Fact]
    public async Task Posted_message_comes_back_with_its_id_and_clientActivityID_then_the_reply()
    {
        await using var host = await BotTestHost.StartAsync();
        using var client = new DirectLineTestClient(host.BaseUrl);
        var grant = await client.StartConversationAsync("visitor-aaaaaaaaaaaaaaaa");

        var id = await client.PostMessageAsync(grant, "hello", clientActivityId: "client-1");

        var reply = await client.WaitForAsync(grant, a => DirectLineTestClient.IsBotMessage(a) && a.Value<string>("replyToId") == id, "the reply");
        // The bot's answer to a greeting (not an echo).
        Assert.Equal(JourneyTexts.Hello().Text, reply.Value<string>("text"));
        var all = await client.GetAllAsync(grant);
        var mine = Assert.Single(all, a => a.Value<string>("id") == id);
        Assert.Equal("hello", mine.Value<string>("text"));
        Assert.Equal("client-1", mine["channelData"]!.Value<string>("clientActivityID"));
        Assert.Equal("user", mine["from"]!.Value<string>("role"));
        Assert.Equal("visitor-aaaaaaaaaaaaaaaa", mine["from"]!.Value<string>("id"));
        Assert.True(all.IndexOf(mine) < all.IndexOf(all.Single(a => a.Value<string>("id") == reply.Value<string>("id"))),
            "the user's activity is stored before the bot's reply to it");

        // Every activity: a unique id, a role, and a strictly increasing ISO-8601 UTC timestamp.
        Assert.Equal(all.Count, all.Select(a => a.Value<string>("id")).Distinct().Count());
        Assert.All(all, a => Assert.Contains(a["from"]!.Value<string>("role"), new[] { "user", "bot" }));
        var times = all.Select(a => DateTimeOffset.ParseExact(a.Value<string>("timestamp")!, "yyyy-MM-dd'T'HH:mm:ss.fff'Z'",
            CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal)).ToList();
        Assert.True(times.Zip(times.Skip(1)).All(pair => pair.First < pair.Second), "timestamps strictly increase");
    }

    [Fact]
    public async Task Watermark_pages_through_the_conversation_without_gaps_or_repeats()
    {
        await using var host = await BotTestHost.StartAsync(new Dictionary<string, string?> { ["DirectLine:MaxActivitiesPerPage"] = "3" });
        using var client = new DirectLineTestClient(host.BaseUrl);
        var grant = await client.StartConversationAsync();
        for (var i = 0; i < 4; i++)
        {
            var id = await client.PostMessageAsync(grant, $"message {i}");
            await client.WaitForAsync(grant, a => a.Value<string>("replyToId") == id, $"the reply to message {i}");
        }

        var seen = new List<JObject>();
        string? watermark = null;
        var pages = 0;
        while (true)
        {
            var (activities, next) = await client.GetActivitiesAsync(grant, watermark);
            Assert.True(activities.Count <= 3, "a page holds at most DirectLine:MaxActivitiesPerPage activities");
            Assert.Equal((seen.Count + activities.Count).ToString(CultureInfo.InvariantCulture), next);
            if (activities.Count == 0)
            {
                Assert.Equal(watermark, next);
                break;
            }
            seen.AddRange(activities.Cast<JObject>());
            watermark = next;
            pages++;
        }

        Assert.Equal(9, seen.Count); // welcome + 4 x (message, reply)
        Assert.Equal(3, pages);
        Assert.Equal(seen.Count, seen.Select(a => a.Value<string>("id")).Distinct().Count());
        Assert.Equal(["message 0", "message 1", "message 2", "message 3"],
            seen.Where(a => a["from"]!.Value<string>("role") == "user").Select(a => a.Value<string>("text")!).ToArray());
    }

    [Fact]
    public async Task Refreshed_token_keeps_the_conversation_and_user()
    {
        await using var host = await BotTestHost.StartAsync();
        using var client = new DirectLineTestClient(host.BaseUrl);
        var grant = await client.StartConversationAsync("visitor-bbbbbbbbbbbbbbbb");

        var (status, body) = await client.SendAsync(HttpMethod.Post, "tokens/refresh", grant.Token);

        Assert.Equal(HttpStatusCode.OK, status);
        var refreshed = DirectLineTestClient.ToGrant(body);
        Assert.Equal(grant.ConversationId, refreshed.ConversationId);
        Assert.NotEqual(grant.Token, refreshed.Token);
        var id = await client.PostMessageAsync(refreshed, "after refresh");
        var all = await client.GetAllAsync(refreshed);
        Assert.Equal("visitor-bbbbbbbbbbbbbbbb", all.Single(a => a.Value<string>("id") == id)["from"]!.Value<string>("id"));
    }

    [Fact]
    public async Task Resuming_with_conversation_id_reads_history_from_the_watermark()
    {
        await using var host = await BotTestHost.StartAsync();
        using var client = new DirectLineTestClient(host.BaseUrl);
        var grant = await client.StartConversationAsync();
        await client.PostMessageAsync(grant, "first");
        var (_, watermark) = await client.GetActivitiesAsync(grant);

        var (status, body) = await client.SendAsync(HttpMethod.Get, $"conversations/{grant.ConversationId}?watermark={watermark}", grant.Token);

        Assert.Equal(HttpStatusCode.OK, status);
        Assert.Equal(grant.ConversationId, DirectLineTestClient.Parse(body).Value<string>("conversationId"));
        var (activities, next) = await client.GetActivitiesAsync(grant, watermark);
        Assert.Empty(activities);
        Assert.Equal(watermark, next);
    }
}

public class DirectLineWithAppIdTests
{
    [Fact]
    public async Task Local_channel_works_offline_when_a_MicrosoftAppId_is_configured()
    {
        // No AAD is reachable here: the local channel must not need it (its tokens are local), while
        // /api/messages keeps refusing unauthenticated callers as the SDK does with an app id.
        await using var host = await BotTestHost.StartAsync(new Dictionary<string, string?>
        {
            ["MicrosoftAppId"] = "00000000-0000-0000-0000-000000000001",
            ["MicrosoftAppPassword"] = "not-a-real-secret",
        });
        using var client = new DirectLineTestClient(host.BaseUrl);

        var grant = await client.StartConversationAsync();
        var id = await client.PostMessageAsync(grant, "hello");

        await client.WaitForAsync(grant, DirectLineTestClient.IsBotMessage, "the welcome");
        await client.WaitForAsync(grant, a => a.Value<string>("replyToId") == id, "the reply");
        using var http = host.CreateClient();
        var anonymous = await http.PostAsync("api/messages", new StringContent(
            """{"type":"message","text":"hi","serviceUrl":"http://127.0.0.1:9/","conversation":{"id":"c"},"from":{"id":"u"},"recipient":{"id":"b"},"channelId":"test"}""",
            System.Text.Encoding.UTF8, "application/json"));
        Assert.Equal(HttpStatusCode.Unauthorized, anonymous.StatusCode);
    }
}
