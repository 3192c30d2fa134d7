using System.Net;
using ChatBot.Tests.Infrastructure;
using Microsoft.Data.Sqlite;
using Newtonsoft.Json.Linq;

namespace ChatBot.Tests.DirectLine;

/// <summary>Restarts, malformed input and storage failures.</summary>
public class DirectLineRobustnessTests
{
    [Fact]
    public async Task Conversation_and_token_survive_a_restart_of_the_host()
    {
        var dataPath = Path.Combine(Path.GetTempPath(), "chatbot-tests", Guid.NewGuid().ToString("N"));
        DirectLineTestClient.Grant grant;
        string watermark;
        int countBefore;
        await using (var first = await BotTestHost.StartAsync(dataPath: dataPath))
        {
            using var client = new DirectLineTestClient(first.BaseUrl);
            grant = await client.StartConversationAsync();
            var id = await client.PostMessageAsync(grant, "before the restart");
            await client.WaitForAsync(grant, a => a.Value<string>("replyToId") == id, "the reply before the restart");
            countBefore = (await client.GetAllAsync(grant)).Count;
            (_, watermark) = await client.GetActivitiesAsync(grant);
        }

        await using var second = await BotTestHost.StartAsync(dataPath: dataPath);
        using var again = new DirectLineTestClient(second.BaseUrl);

        // The same token (the signing key is kept in the store) resumes at the watermark: nothing new, nothing lost.
        var (status, _) = await again.SendAsync(HttpMethod.Get, $"conversations/{grant.ConversationId}?watermark={watermark}", grant.Token);
        Assert.Equal(HttpStatusCode.OK, status);
        var (fresh, next) = await again.GetActivitiesAsync(grant, watermark);
        Assert.Empty(fresh);
        Assert.Equal(watermark, next);
        var history = await again.GetAllAsync(grant);
        Assert.Equal(countBefore, history.Count);
        Assert.Contains(history, a => a.Value<string>("text") == "before the restart");

        var afterId = await again.PostMessageAsync(grant, "after the restart");
        var reply = await again.WaitForAsync(grant, a => a.Value<string>("replyToId") == afterId, "the reply after the restart");
        var (newer, _) = await again.GetActivitiesAsync(grant, watermark);
        Assert.Equal(new[] { afterId, reply.Value<string>("id")! }, newer.Select(a => a.Value<string>("id")!).ToArray());
        // The bot does not welcome a resumed conversation a second time.
        Assert.Single(await again.GetAllAsync(grant), a => a.Value<string>("text")!.StartsWith("Hi, I'm"));
    }

    private static readonly string[] MalformedPosts =
    [
        "",
        "not json",
        "[]",
        "{}",
        """{"type":5,"text":"hi"}""",
        """{"type":"message"}""",
        """{"type":"message","text":123}""",
        """{"type":"conversationUpdate","membersAdded":[]}""",
        """{"type":"message","text":"hi","attachments":"not-an-array"}""",
        """{"type":"message","text":"hi","channelData":[1]}""",
        """{"type":"message","text":"hi"} {"type":"message","text":"again"}""",
        """{"type":"message","text":"01234567890123456789012345678901234567890123456789X"}""",
        // Fields the bot's adapter would refuse after the activity was stored and shown: refused before.
        """{"type":"message","text":"x","localTimestamp":5}""",
        """{"type":"message","text":"x","localTimestamp":"yesterday"}""",
        """{"type":"message","text":"x","speak":{"a":1}}""",
        """{"type":"message","text":"x","inputHint":[1]}""",
        // A heavy channelData would weigh on every later poll of the conversation.
        "{\"type\":\"message\",\"text\":\"x\",\"channelData\":{\"pad\":\"" + new string('a', 40_000) + "\"}}",
    ];

    [Fact]
    public async Task Malformed_posts_get_400_and_store_nothing()
    {
        await using var host = await BotTestHost.StartAsync(new Dictionary<string, string?> { ["Bot:MaxTextLength"] = "50" });
        using var client = new DirectLineTestClient(host.BaseUrl);
        var grant = await client.StartConversationAsync();
        var before = await client.GetAllAsync(grant);

        foreach (var body in MalformedPosts)
        {
            var response = await client.PostActivityAsync(grant.ConversationId, grant.Token, body);
            Assert.True(response.Status == HttpStatusCode.BadRequest, $"{body} answered {(int)response.Status}: {response.Body}");
            DirectLineSecurityTests.AssertError(HttpStatusCode.BadRequest, response);
        }

        Assert.Equal(before.Count, (await client.GetAllAsync(grant)).Count);
    }

    [Fact]
    public async Task A_poll_never_answers_5xx_even_when_the_store_fails()
    {
        await using var host = await BotTestHost.StartAsync();
        using var client = new DirectLineTestClient(host.BaseUrl);
        var grant = await client.StartConversationAsync();
        var (_, watermark) = await client.GetActivitiesAsync(grant);

        foreach (var odd in new[] { "abc", "-1", "99999999999999", "1e3", "" })
        {
            var (status, _) = await client.GetActivitiesRawAsync(grant.ConversationId, grant.Token, odd);
            Assert.True((int)status < 500, $"watermark '{odd}' answered {(int)status}");
        }

        // Corrupt the conversation's stored record behind the host's back.
        await using (var db = new SqliteConnection($"Data Source={Path.Combine(host.DataPath, "chatbot.db")};Pooling=False"))
        {
            await db.OpenAsync();
            await using var command = db.CreateCommand();
            command.CommandText = "UPDATE items SET json = '{broken' WHERE key = $key";
            command.Parameters.AddWithValue("$key", "directline/conversation/" + grant.ConversationId);
            Assert.Equal(1, await command.ExecuteNonQueryAsync());
        }

        var poll = await client.GetActivitiesRawAsync(grant.ConversationId, grant.Token, watermark);
        Assert.Equal(HttpStatusCode.OK, poll.Status);
        var page = DirectLineTestClient.Parse(poll.Body);
        Assert.Empty((JArray)page["activities"]!);
        Assert.Equal(watermark, page.Value<string>("watermark"));
    }
}
