using ChatBot.Adapters;
using ChatBot.Tests.DirectLine;
using ChatBot.Tests.Infrastructure;
using Microsoft.Extensions.DependencyInjection;

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
