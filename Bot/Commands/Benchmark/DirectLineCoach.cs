using System.Globalization;
using System.Net.Http.Headers;
using System.Text;
using Newtonsoft.Json;
using Newtonsoft.Json.Linq;

namespace ChatBot.Commands.Benchmark;

/// <summary>
/// A coach on the bot's coach console, as the page does it: a token for the console key (POST /api/coach/token),
/// the coach.hello event, then the local Direct Line API. Only the local channel vouches for a coach, so a coach can
/// never be played on /api/messages (an anonymous "coach:id" there is a visitor).
/// </summary>
public sealed class DirectLineCoach
{
    private readonly HttpClient _http;
    private readonly string _baseUrl;
    private string _watermark = "0";

    private DirectLineCoach(HttpClient http, string baseUrl, string key, string conversationId, string token)
    {
        _http = http;
        _baseUrl = baseUrl;
        Key = key;
        ConversationId = conversationId;
        Token = token;
    }

    public string Key { get; }
    public string ConversationId { get; }
    public string Token { get; }

    public static async Task<DirectLineCoach> OpenAsync(HttpClient http, string baseUrl, string key)
    {
        using var response = await http.PostAsync(baseUrl + "/api/coach/token", new StringContent(new JObject { ["key"] = key }.ToString(), Encoding.UTF8, "application/json"));
        var body = Parse(await response.Content.ReadAsStringAsync());
        if (!response.IsSuccessStatusCode)
        {
            throw new InvalidOperationException($"The coach token was refused ({(int)response.StatusCode}): {body}");
        }
        var coach = new DirectLineCoach(http, baseUrl, key, (string)body["conversationId"]!, (string)body["token"]!);
        (await coach.SendAsync(HttpMethod.Post, "conversations", null)).EnsureSuccessStatusCode();
        await coach.PostAsync(new JObject { ["type"] = "event", ["name"] = "coach.hello" });
        await coach.WaitForAsync(t => t.StartsWith("Hi ", StringComparison.Ordinal), TimeSpan.FromSeconds(20), "the coach's status line");
        return coach;
    }

    /// <summary>Posts a message as the coach; Direct Line answers once the bot's turn for it is over.</summary>
    public Task SayAsync(string text) =>
        PostAsync(new JObject { ["type"] = "message", ["text"] = text, ["from"] = new JObject { ["id"] = "ignored", ["role"] = "user" } });

    /// <summary>The bot's messages in the coach's conversation since the last call (the watermark moves on).</summary>
    public async Task<List<JObject>> NewBotMessagesAsync()
    {
        using var response = await SendAsync(HttpMethod.Get, $"conversations/{ConversationId}/activities?watermark={_watermark}", null);
        response.EnsureSuccessStatusCode();
        var page = Parse(await response.Content.ReadAsStringAsync());
        _watermark = (string?)page["watermark"] ?? _watermark;
        return ((JArray)page["activities"]!).Cast<JObject>()
            .Where(a => (string?)a["type"] == "message" && (string?)a["from"]?["role"] == "bot")
            .ToList();
    }

    public async Task<JObject> WaitForAsync(Func<string, bool> predicate, TimeSpan timeout, string what)
    {
        var deadline = DateTime.UtcNow + timeout;
        while (DateTime.UtcNow < deadline)
        {
            var found = (await NewBotMessagesAsync()).FirstOrDefault(a => (string?)a["text"] is { } t && predicate(t));
            if (found != null)
            {
                return found;
            }
            await Task.Delay(20);
        }
        throw new TimeoutException($"The coach did not see {what} within {timeout.TotalSeconds:F0} s.");
    }

    /// <summary>The waiting requests of the coach console's queue (GET /api/coach/queue).</summary>
    public async Task<JArray> WaitingAsync()
    {
        using var request = new HttpRequestMessage(HttpMethod.Get, _baseUrl + "/api/coach/queue");
        request.Headers.Add("X-Coach-Key", Key);
        using var response = await _http.SendAsync(request);
        response.EnsureSuccessStatusCode();
        return (JArray)Parse(await response.Content.ReadAsStringAsync())["waiting"]!;
    }

    /// <summary>When Direct Line stored an activity: its server timestamp (UTC, to the millisecond).</summary>
    public static DateTime StoredAt(JObject activity) =>
        DateTime.Parse((string)activity["timestamp"]!, CultureInfo.InvariantCulture, DateTimeStyles.AdjustToUniversal | DateTimeStyles.AssumeUniversal);

    private async Task PostAsync(JObject activity)
    {
        using var response = await SendAsync(HttpMethod.Post, $"conversations/{ConversationId}/activities", activity.ToString(Formatting.None));
        response.EnsureSuccessStatusCode();
    }

    private Task<HttpResponseMessage> SendAsync(HttpMethod method, string path, string? json)
    {
        var request = new HttpRequestMessage(method, $"{_baseUrl}/v3/directline/{path}");
        request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", Token);
        if (json != null)
        {
            request.Content = new StringContent(json, Encoding.UTF8, "application/json");
        }
        return _http.SendAsync(request);
    }

    private static JObject Parse(string json)
    {
        using var reader = new JsonTextReader(new StringReader(json)) { DateParseHandling = DateParseHandling.None };
        return JObject.Load(reader);
    }
}
