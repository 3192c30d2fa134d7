using System.Net;
using System.Net.Http.Headers;
using System.Text;
using Newtonsoft.Json.Linq;

namespace ChatBot.Tests.DirectLine;

/// <summary>A Direct Line 3.0 client over plain HTTP, posting and polling the way Web Chat does.</summary>
public sealed class DirectLineTestClient(string baseUrl) : IDisposable
{
    private readonly HttpClient _http = new() { BaseAddress = new Uri(baseUrl.TrimEnd('/') + "/v3/directline/") };

    public sealed record Grant(string ConversationId, string Token);

    public async Task<Grant> GenerateAsync(string? userId = null, string? earlierToken = null)
    {
        var (status, body) = await SendAsync(HttpMethod.Post, "tokens/generate", earlierToken,
            userId == null ? "{}" : new JObject { ["user"] = new JObject { ["id"] = userId } }.ToString());
        Assert.True(status == HttpStatusCode.OK, $"tokens/generate answered {(int)status}: {body}");
        return ToGrant(body);
    }

    /// <summary>tokens/generate, then POST conversations (which tells the bot, so the welcome is stored).</summary>
    public async Task<Grant> StartConversationAsync(string? userId = null)
    {
        var grant = await GenerateAsync(userId);
        var (status, body) = await SendAsync(HttpMethod.Post, "conversations", grant.Token);
        Assert.True(status == HttpStatusCode.Created, $"POST conversations answered {(int)status}: {body}");
        Assert.Equal(grant.ConversationId, Parse(body).Value<string>("conversationId"));
        return grant;
    }

    public async Task<string> PostMessageAsync(Grant grant, string text, string? clientActivityId = null)
    {
        var activity = new JObject { ["type"] = "message", ["text"] = text, ["from"] = new JObject { ["id"] = "ignored", ["role"] = "user" } };
        if (clientActivityId != null)
        {
            activity["channelData"] = new JObject { ["clientActivityID"] = clientActivityId };
        }
        var (status, body) = await PostActivityAsync(grant.ConversationId, grant.Token, activity.ToString());
        Assert.True(status == HttpStatusCode.OK, $"POST activities answered {(int)status}: {body}");
        return Parse(body).Value<string>("id")!;
    }

    public Task<(HttpStatusCode Status, string Body)> PostActivityAsync(string conversationId, string? token, string json) =>
        SendAsync(HttpMethod.Post, $"conversations/{conversationId}/activities", token, json);

    public async Task<(JArray Activities, string Watermark)> GetActivitiesAsync(Grant grant, string? watermark = null)
    {
        var (status, body) = await GetActivitiesRawAsync(grant.ConversationId, grant.Token, watermark);
        Assert.True(status == HttpStatusCode.OK, $"GET activities answered {(int)status}: {body}");
        var page = Parse(body);
        Assert.Equal(JTokenType.String, page["watermark"]!.Type);
        return ((JArray)page["activities"]!, page.Value<string>("watermark")!);
    }

    public Task<(HttpStatusCode Status, string Body)> GetActivitiesRawAsync(string conversationId, string? token, string? watermark = null) =>
        SendAsync(HttpMethod.Get, $"conversations/{conversationId}/activities" + (watermark == null ? "" : "?watermark=" + Uri.EscapeDataString(watermark)), token);

    /// <summary>Every activity from the start, paging on with the watermark as Web Chat does.</summary>
    public async Task<List<JObject>> GetAllAsync(Grant grant)
    {
        var all = new List<JObject>();
        string? watermark = null;
        while (true)
        {
            var (activities, next) = await GetActivitiesAsync(grant, watermark);
            all.AddRange(activities.Cast<JObject>());
            if (activities.Count == 0)
            {
                return all;
            }
            watermark = next;
        }
    }

    /// <summary>Polls until an activity matches (the bot answers asynchronously in general); fails after 20 s.</summary>
    public async Task<JObject> WaitForAsync(Grant grant, Func<JObject, bool> predicate, string what)
    {
        var deadline = DateTime.UtcNow.AddSeconds(20);
        while (DateTime.UtcNow < deadline)
        {
            var found = (await GetAllAsync(grant)).FirstOrDefault(predicate);
            if (found != null)
            {
                return found;
            }
            await Task.Delay(50);
        }
        throw new Xunit.Sdk.XunitException("Timed out waiting for " + what);
    }

    public async Task<(HttpStatusCode Status, string Body)> SendAsync(HttpMethod method, string path, string? token, string? json = null)
    {
        using var request = new HttpRequestMessage(method, path);
        if (token != null)
        {
            request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", token);
        }
        if (json != null)
        {
            request.Content = new StringContent(json, Encoding.UTF8, "application/json");
        }
        using var response = await _http.SendAsync(request);
        return (response.StatusCode, await response.Content.ReadAsStringAsync());
    }

    public static Grant ToGrant(string body)
    {
        var json = Parse(body);
        Assert.True(json.Value<int>("expires_in") > 0);
        return new Grant(json.Value<string>("conversationId")!, json.Value<string>("token")!);
    }

    /// <summary>JSON as a client sees it: timestamps stay the strings the server sent.</summary>
    public static JObject Parse(string json)
    {
        using var reader = new Newtonsoft.Json.JsonTextReader(new StringReader(json)) { DateParseHandling = Newtonsoft.Json.DateParseHandling.None };
        return JObject.Load(reader);
    }

    public static bool IsBotMessage(JObject a) => a.Value<string>("type") == "message" && a["from"]?.Value<string>("role") == "bot";

    public void Dispose() => _http.Dispose();
}
