using System.Net;
using System.Text;
using ChatBot.Tests.DirectLine;
using Newtonsoft.Json.Linq;

namespace ChatBot.Tests.Infrastructure;

/// <summary>A coach on the coach console of one host, as the page does it: a token for the console key, the hello event, Direct Line.</summary>
public sealed class ConsoleCoach : IDisposable
{
    public const string DanaKey = "local-sample-sales-key-change-me";

    private ConsoleCoach(string baseUrl, DirectLineTestClient client, DirectLineTestClient.Grant grant)
    {
        _baseUrl = baseUrl;
        Client = client;
        Grant = grant;
    }

    private readonly string _baseUrl;

    public DirectLineTestClient Client { get; }
    public DirectLineTestClient.Grant Grant { get; }

    public static Task<ConsoleCoach> OpenAsync(BotTestHost host, string key, string expectedGreeting) => OpenAsync(host.BaseUrl, key, expectedGreeting);

    /// <summary>On the bot at <paramref name="baseUrl"/> (http://127.0.0.1:PORT): a host in this process or a bot process.</summary>
    public static async Task<ConsoleCoach> OpenAsync(string baseUrl, string key, string expectedGreeting)
    {
        using var http = new HttpClient { BaseAddress = new Uri(baseUrl + "/") };
        var response = await http.PostAsync("api/coach/token", new StringContent($"{{\"key\": \"{key}\"}}", Encoding.UTF8, "application/json"));
        var token = JObject.Parse(await response.Content.ReadAsStringAsync());
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var client = new DirectLineTestClient(baseUrl);
        var grant = new DirectLineTestClient.Grant((string)token["conversationId"]!, (string)token["token"]!);
        Assert.Equal(HttpStatusCode.Created, (await client.SendAsync(HttpMethod.Post, "conversations", grant.Token)).Status);
        await client.PostActivityAsync(grant.ConversationId, grant.Token, "{\"type\":\"event\",\"name\":\"coach.hello\"}");
        var coach = new ConsoleCoach(baseUrl, client, grant);
        await coach.WaitForAsync(t => t.StartsWith(expectedGreeting), "the coach's status line");
        return coach;
    }

    public Task SayAsync(string text) => Client.PostMessageAsync(Grant, text);

    public async Task<string> WaitForAsync(Func<string, bool> predicate, string what) =>
        (await Client.WaitForAsync(Grant, a => DirectLineTestClient.IsBotMessage(a) && a.Value<string>("text") is { } t && predicate(t), what)).Value<string>("text")!;

    public async Task<List<string>> TextsAsync() =>
        (await Client.GetAllAsync(Grant)).Where(DirectLineTestClient.IsBotMessage).Select(a => a.Value<string>("text") ?? "").ToList();

    public async Task<JObject> QueueAsync(string key)
    {
        using var http = new HttpClient { BaseAddress = new Uri(_baseUrl + "/") };
        using var request = new HttpRequestMessage(HttpMethod.Get, "api/coach/queue");
        request.Headers.Add("X-Coach-Key", key);
        var response = await http.SendAsync(request);
        return JObject.Parse(await response.Content.ReadAsStringAsync());
    }

    public void Dispose() => Client.Dispose();
}
