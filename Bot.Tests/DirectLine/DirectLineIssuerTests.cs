using System.Net;
using System.Net.Http.Headers;
using ChatBot.DirectLine;
using ChatBot.Tests.Infrastructure;
using Microsoft.Extensions.DependencyInjection;
using Newtonsoft.Json.Linq;

namespace ChatBot.Tests.DirectLine;

public class DirectLineIssuerTests
{
    [Fact]
    public async Task Issuer_binds_a_coach_to_an_existing_conversation()
    {
        await using var host = await BotTestHost.StartAsync();
        using var client = new DirectLineTestClient(host.BaseUrl);
        var visitor = await client.StartConversationAsync();
        var issuer = host.Services.GetRequiredService<DirectLineTokenIssuer>();

        var coachGrant = await issuer.IssueAsync("coach:42", "Coach Kim", visitor.ConversationId);

        Assert.Equal(visitor.ConversationId, coachGrant.ConversationId);
        var coach = new DirectLineTestClient.Grant(coachGrant.ConversationId, coachGrant.Token);
        var id = await client.PostMessageAsync(coach, "Hi, I'm Kim from Larkspur.");
        var stored = (await client.GetAllAsync(visitor)).Single(a => a.Value<string>("id") == id);
        Assert.Equal("coach:42", stored["from"]!.Value<string>("id"));
        Assert.Equal("Coach Kim", stored["from"]!.Value<string>("name"));
        await Assert.ThrowsAsync<KeyNotFoundException>(() => issuer.IssueAsync("coach:42", null, "missing-conversation"));
    }

    [Fact]
    public async Task Issuer_creates_a_new_conversation_when_none_is_given()
    {
        await using var host = await BotTestHost.StartAsync();
        using var client = new DirectLineTestClient(host.BaseUrl);
        var issuer = host.Services.GetRequiredService<DirectLineTokenIssuer>();

        var grant = await issuer.IssueAsync("coach:7");
        var (status, _) = await client.SendAsync(HttpMethod.Post, "conversations", grant.Token);

        Assert.Equal(HttpStatusCode.Created, status);
        var welcome = await client.WaitForAsync(new(grant.ConversationId, grant.Token), DirectLineTestClient.IsBotMessage, "the welcome");
        Assert.Equal("coach:7", welcome["recipient"]!.Value<string>("id"));
    }

    [Fact]
    public async Task Upload_keeps_small_files_inline_and_refuses_big_or_unsafe_ones()
    {
        await using var host = await BotTestHost.StartAsync(new Dictionary<string, string?> { ["DirectLine:MaxUploadBytes"] = "1000" });
        using var client = new DirectLineTestClient(host.BaseUrl);
        var grant = await client.StartConversationAsync("visitor-hhhhhhhhhhhhhhhh");
        using var http = host.CreateClient();

        async Task<(HttpStatusCode, string)> UploadAsync(byte[] file, string contentType, string fileName = "picture.png",
            string activityJson = """{"type":"message","text":"see attached"}""")
        {
            using var form = new MultipartFormDataContent();
            var activity = new StringContent(activityJson);
            activity.Headers.ContentType = new MediaTypeHeaderValue("application/vnd.microsoft.activity");
            form.Add(activity, "activity", "blob");
            var part = new ByteArrayContent(file);
            part.Headers.ContentType = new MediaTypeHeaderValue(contentType);
            form.Add(part, "file", fileName);
            using var request = new HttpRequestMessage(HttpMethod.Post,
                $"v3/directline/conversations/{grant.ConversationId}/upload?userId=visitor-hhhhhhhhhhhhhhhh") { Content = form };
            request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", grant.Token);
            using var response = await http.SendAsync(request);
            return (response.StatusCode, await response.Content.ReadAsStringAsync());
        }

        byte[] png = [0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A, 0, 0, 0, 0];
        var (ok, body) = await UploadAsync(png, "image/png", fileName: "..\\..\\evil<img>.png");
        Assert.Equal(HttpStatusCode.OK, ok);
        var id = DirectLineTestClient.Parse(body).Value<string>("id");
        var stored = (await client.GetAllAsync(grant)).Single(a => a.Value<string>("id") == id);
        Assert.Equal("see attached", stored.Value<string>("text"));
        Assert.Equal("data:image/png;base64," + Convert.ToBase64String(png), stored["attachments"]![0]!.Value<string>("contentUrl"));
        Assert.Equal("evilimg.png", stored["attachments"]![0]!.Value<string>("name"));

        var countBefore = (await client.GetAllAsync(grant)).Count;
        DirectLineSecurityTests.AssertError(HttpStatusCode.RequestEntityTooLarge, await UploadAsync(new byte[5000], "image/png"));
        DirectLineSecurityTests.AssertError(HttpStatusCode.UnsupportedMediaType, await UploadAsync([1, 2, 3], "text/html"));
        // The declared type must match the bytes: the coach's browser trusts it when opening the file.
        DirectLineSecurityTests.AssertError(HttpStatusCode.UnsupportedMediaType, await UploadAsync("<html><script>x</script>"u8.ToArray(), "image/png"));
        DirectLineSecurityTests.AssertError(HttpStatusCode.UnsupportedMediaType, await UploadAsync([0x41, 0, 0x42], "text/plain", "notes.txt"));
        DirectLineSecurityTests.AssertError(HttpStatusCode.BadRequest, await UploadAsync(png, "image/png", activityJson: """{"type":"typing"}"""));
        Assert.Equal(countBefore, (await client.GetAllAsync(grant)).Count);
    }
}

public class DirectLineProactiveTests
{
    [Fact]
    public async Task A_proactive_message_through_the_adapter_reaches_the_Direct_Line_client()
    {
        await using var host = await BotTestHost.StartAsync();
        using var client = new DirectLineTestClient(host.BaseUrl);
        var grant = await client.StartConversationAsync("visitor-iiiiiiiiiiiiiiii");
        var welcome = await client.WaitForAsync(grant, DirectLineTestClient.IsBotMessage, "the welcome");
        var adapter = host.Services.GetRequiredService<Microsoft.Bot.Builder.Integration.AspNet.Core.CloudAdapter>();

        // What the handoff keeps from a turn (Activity.GetConversationReference()): serviceUrl is this host.
        var reference = new Microsoft.Bot.Schema.ConversationReference
        {
            ChannelId = "directline",
            ServiceUrl = host.BaseUrl + "/",
            Conversation = new Microsoft.Bot.Schema.ConversationAccount { Id = grant.ConversationId },
            User = new Microsoft.Bot.Schema.ChannelAccount { Id = "visitor-iiiiiiiiiiiiiiii" },
            Bot = new Microsoft.Bot.Schema.ChannelAccount { Id = welcome["from"]!.Value<string>("id") },
        };
        await adapter.ContinueConversationAsync(string.Empty, reference,
            (turn, ct) => turn.SendActivityAsync("A coach will be with you shortly.", cancellationToken: ct), default);

        var proactive = await client.WaitForAsync(grant, a => a.Value<string>("text") == "A coach will be with you shortly.", "the proactive message");
        Assert.Equal("bot", proactive["from"]!.Value<string>("role"));
        // The SDK made up an activity id for the proactive turn; a replyToId naming it would make Web Chat wait 5 s.
        Assert.Null(proactive["replyToId"]);
    }
}
