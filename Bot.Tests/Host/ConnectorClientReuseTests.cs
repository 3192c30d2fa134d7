using ChatBot.Adapters;
using ChatBot.Tests.DirectLine;
using ChatBot.Tests.Infrastructure;
using Microsoft.Extensions.DependencyInjection;
using Newtonsoft.Json.Linq;

namespace ChatBot.Tests.Host;

/// <summary>Issue 9: one Connector client serves many turns, and replies still reach the right conversations.</summary>
public class ConnectorClientReuseTests
{
    [Fact]
    public async Task One_client_is_reused_across_turns_and_conversations_on_one_serviceUrl()
    {
        await using var channel = await TestChannel.StartAsync();
        await using var host = await BotTestHost.StartAsync();
        using var client = host.CreateClient();
        var cache = host.Services.GetRequiredService<ConnectorClientCache>();

        var posted = new List<string>();
        for (var i = 0; i < 5; i++)
        {
            var one = channel.Message("conv-1", $"one {i}");
            var two = channel.Message("conv-2", $"two {i}", userId: "user-2");
            posted.Add(one.Id);
            posted.Add(two.Id);
            (await client.PostActivityAsync(one)).EnsureSuccessStatusCode();
            (await client.PostActivityAsync(two)).EnsureSuccessStatusCode();
        }

        var first = await channel.WaitForAsync("conv-1", 5);
        var second = await channel.WaitForAsync("conv-2", 5);
        Assert.Equal(1, cache.ClientsCreated);
        Assert.All(first, r => Assert.Equal("conv-1", r.Activity.Conversation.Id));
        Assert.All(second, r => Assert.Equal("conv-2", r.Activity.Conversation.Id));
        // Every message was answered, each reply in its own conversation.
        Assert.Equal(posted.Order(), first.Concat(second).Select(r => r.ReplyToId).Order());
    }

    [Fact]
    public async Task Teams_turns_reuse_the_client_too_and_each_reply_goes_to_its_own_conversation()
    {
        await using var channel = await TestChannel.StartAsync();
        await using var host = await BotTestHost.StartAsync();
        using var client = host.CreateClient();
        var cache = host.Services.GetRequiredService<ConnectorClientCache>();

        var posted = new List<string>();
        for (var i = 0; i < 3; i++)
        {
            foreach (var (conversation, user) in new[] { ("19:teams-a@thread.v2", "29:user-a"), ("19:teams-b@thread.v2", "29:user-b") })
            {
                var message = channel.Message(conversation, $"hello {i}", userId: user);
                message.ChannelId = "msteams";
                posted.Add(message.Id);
                (await client.PostActivityAsync(message)).EnsureSuccessStatusCode();
            }
        }

        var a = await channel.WaitForAsync("19:teams-a@thread.v2", 3);
        var b = await channel.WaitForAsync("19:teams-b@thread.v2", 3);
        Assert.Equal(1, cache.ClientsCreated);
        Assert.All(a.Concat(b), r => Assert.Equal("msteams", r.Activity.ChannelId));
        Assert.All(a, r => Assert.Equal("19:teams-a@thread.v2", r.Activity.Conversation.Id));
        Assert.All(b, r => Assert.Equal("19:teams-b@thread.v2", r.Activity.Conversation.Id));
        Assert.Equal(posted.Order(), a.Concat(b).Select(r => r.ReplyToId).Order());
    }

    [Fact]
    public async Task Relays_both_ways_reuse_one_client_per_serviceUrl_and_reach_the_right_conversation()
    {
        await using var channel = await TestChannel.StartAsync();
        await using var host = await BotTestHost.StartAsync();
        using var client = host.CreateClient();
        var cache = host.Services.GetRequiredService<ConnectorClientCache>();
        using var coach = await ConsoleCoach.OpenAsync(host, ConsoleCoach.DanaKey, "Hi Dana");

        // The visitor on a channel of its own (webchat-like, serviceUrl = the test channel), the coach on the console.
        (await client.PostActivityAsync(channel.Message("relay-visitor", "I'd like to talk to a person", userId: "relay-user"))).EnsureSuccessStatusCode();
        await channel.WaitForAsync("relay-visitor", 1);
        var ticket = (await coach.QueueAsync(ConsoleCoach.DanaKey))["waiting"]!.Single().Value<int>("ticket");
        await coach.SayAsync($"accept {ticket}");
        await WaitForTextAsync(channel, "relay-visitor", t => t.StartsWith("You're now chatting with Dana"));

        long afterFirstRound = 0;
        for (var i = 0; i < 4; i++)
        {
            if (i == 1)
            {
                afterFirstRound = cache.ClientsCreated;
            }
            (await client.PostActivityAsync(channel.Message("relay-visitor", $"visitor line {i}", userId: "relay-user"))).EnsureSuccessStatusCode();
            await coach.WaitForAsync(t => t.EndsWith($": visitor line {i}"), $"visitor line {i} at the coach");
            await coach.SayAsync($"coach line {i}");
            await WaitForTextAsync(channel, "relay-visitor", t => t.EndsWith($": coach line {i}"));
        }

        // Per serviceUrl (the test channel, this host's local Direct Line) one client for turns' replies and one for
        // proactive sends, whose audience differs (none in local mode, the public cloud's for a proactive turn): at most
        // four, all built by the end of the first relay each way, and none after, however many turns and relays follow.
        Assert.InRange(afterFirstRound, 2, 4);
        Assert.Equal(afterFirstRound, cache.ClientsCreated);
        Assert.All(channel.All, r => Assert.Equal("relay-visitor", r.Activity.Conversation.Id));
        Assert.DoesNotContain(await coach.TextsAsync(), t => t.Contains("coach line"));
    }

    [Fact]
    public async Task With_an_app_id_set_Direct_Line_turns_reuse_one_client_per_app_id()
    {
        await using var host = await BotTestHost.StartAsync(new Dictionary<string, string?>
        {
            ["MicrosoftAppId"] = "00000000-0000-0000-0000-000000000001",
            ["MicrosoftAppPassword"] = "not-a-real-secret",
        });
        using var client = new DirectLineTestClient(host.BaseUrl);
        var cache = host.Services.GetRequiredService<ConnectorClientCache>();

        var first = await client.StartConversationAsync("dl_app_id_visitor_one");
        var second = await client.StartConversationAsync("dl_app_id_visitor_two");
        string lastFirst = "", lastSecond = "";
        for (var i = 0; i < 3; i++)
        {
            lastFirst = await client.PostMessageAsync(first, $"alpha {i}");
            lastSecond = await client.PostMessageAsync(second, $"beta {i}");
        }
        await client.WaitForAsync(first, a => DirectLineTestClient.IsBotMessage(a) && a.Value<string>("replyToId") == lastFirst, "the last reply to the first visitor");
        await client.WaitForAsync(second, a => DirectLineTestClient.IsBotMessage(a) && a.Value<string>("replyToId") == lastSecond, "the last reply to the second visitor");

        Assert.Equal(1, cache.ClientsCreated);
        Assert.DoesNotContain(await client.GetAllAsync(first), a => a.Value<string>("text")?.Contains("beta") == true);
        Assert.DoesNotContain(await client.GetAllAsync(second), a => a.Value<string>("text")?.Contains("alpha") == true);
    }

    private static async Task WaitForTextAsync(TestChannel channel, string conversationId, Func<string, bool> predicate)
    {
        var deadline = DateTime.UtcNow.AddSeconds(20);
        while (!channel.All.Any(r => r.ConversationId == conversationId && r.Activity.Text is { } t && predicate(t)))
        {
            Assert.True(DateTime.UtcNow < deadline, $"Timed out; {conversationId} got: " + string.Join(" | ", channel.All.Select(r => r.Activity.Text)));
            await Task.Delay(50);
        }
    }

    [Fact]
    public async Task An_expired_entry_is_replaced_and_the_old_client_still_works()
    {
        var time = new ManualTime();
        var cache = new ConnectorClientCache(time, TimeSpan.FromMinutes(1));
        var built = 0;
        Task<Microsoft.Bot.Connector.IConnectorClient> Create()
        {
            built++;
            return Task.FromResult<Microsoft.Bot.Connector.IConnectorClient>(
                new Microsoft.Bot.Connector.ConnectorClient(new Uri("http://127.0.0.1:9/"), new Microsoft.Bot.Connector.Authentication.MicrosoftAppCredentials(string.Empty, string.Empty)));
        }

        var a = await cache.GetOrCreateAsync(null, "http://127.0.0.1:9/", "aud", Create);
        var b = await cache.GetOrCreateAsync(null, "http://127.0.0.1:9/", "aud", Create);
        a.Dispose(); // a finished turn disposes its client: must not affect the shared one
        Assert.Same(((NonDisposingConnectorClient)a).Inner, ((NonDisposingConnectorClient)b).Inner);
        Assert.NotNull(b.Conversations);

        time.Advance(TimeSpan.FromMinutes(2));
        var c = await cache.GetOrCreateAsync(null, "http://127.0.0.1:9/", "aud", Create);
        Assert.NotSame(((NonDisposingConnectorClient)a).Inner, ((NonDisposingConnectorClient)c).Inner);
        Assert.Equal(2, built);

        var other = await cache.GetOrCreateAsync("another-app", "http://127.0.0.1:9/", "aud", Create);
        Assert.NotSame(((NonDisposingConnectorClient)c).Inner, ((NonDisposingConnectorClient)other).Inner);
    }

    private sealed class ManualTime : TimeProvider
    {
        private DateTimeOffset _now = DateTimeOffset.UtcNow;
        public override DateTimeOffset GetUtcNow() => _now;
        public void Advance(TimeSpan by) => _now += by;
    }
}

/// <summary>The same reuse holds on the local Direct Line channel, whose replies come back through this host's Connector endpoints.</summary>
public class DirectLineConnectorReuseTests
{
    [Fact]
    public async Task Direct_Line_turns_of_two_visitors_share_one_client_and_replies_reach_the_right_conversation()
    {
        await using var host = await BotTestHost.StartAsync();
        using var client = new DirectLineTestClient(host.BaseUrl);
        var cache = host.Services.GetRequiredService<ConnectorClientCache>();

        var first = await client.StartConversationAsync("dl_reuse_visitor_one");
        var second = await client.StartConversationAsync("dl_reuse_visitor_two");
        string lastFirst = "", lastSecond = "";
        for (var i = 0; i < 3; i++)
        {
            lastFirst = await client.PostMessageAsync(first, $"alpha {i}");
            lastSecond = await client.PostMessageAsync(second, $"beta {i}");
        }
        await client.WaitForAsync(first, a => DirectLineTestClient.IsBotMessage(a) && a.Value<string>("replyToId") == lastFirst, "the reply to the last message of the first visitor");
        await client.WaitForAsync(second, a => DirectLineTestClient.IsBotMessage(a) && a.Value<string>("replyToId") == lastSecond, "the reply to the last message of the second visitor");
        var all = await client.GetAllAsync(first);
        var others = await client.GetAllAsync(second);

        Assert.Equal(1, cache.ClientsCreated);
        Assert.All(all, a => Assert.Equal(first.ConversationId, a["conversation"]?.Value<string>("id")));
        Assert.All(others, a => Assert.Equal(second.ConversationId, a["conversation"]?.Value<string>("id")));
        Assert.DoesNotContain(all, a => a.Value<string>("text")?.Contains("beta") == true);
        Assert.DoesNotContain(others, a => a.Value<string>("text")?.Contains("alpha") == true);
    }
}
