using System.Net;
using System.Text;
using System.Text.Json;
using ChatBot.Tests.Infrastructure;

namespace ChatBot.Tests.Faq;

public class FaqQueryEndpointTests
{
    [Fact]
    public async Task Query_returns_ranked_answers_scores_and_the_decision()
    {
        await using var host = await BotTestHost.StartAsync();
        using var client = host.CreateClient();

        var response = await Post(client, """{"question": "How do I add a user to my portal?", "top": 2}""");

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        using var json = JsonDocument.Parse(await response.Content.ReadAsStringAsync());
        var root = json.RootElement;
        Assert.Equal("answer", root.GetProperty("decision").GetString());
        var answers = root.GetProperty("answers");
        Assert.Equal(2, answers.GetArrayLength());
        var top = answers[0];
        Assert.Equal("kb-007", top.GetProperty("id").GetString());
        Assert.Equal("support", top.GetProperty("team").GetString());
        Assert.InRange(top.GetProperty("confidence").GetDouble(), answers[1].GetProperty("confidence").GetDouble(), 1.0);
        Assert.True(top.TryGetProperty("lexical", out _) && top.TryGetProperty("semantic", out _));
        Assert.False(string.IsNullOrEmpty(top.GetProperty("answer").GetString()));
    }

    [Fact]
    public async Task Out_of_scope_question_is_none_and_top_defaults_to_three()
    {
        await using var host = await BotTestHost.StartAsync();
        using var client = host.CreateClient();

        var response = await Post(client, """{"question": "How should an e-commerce business use email?"}""");

        using var json = JsonDocument.Parse(await response.Content.ReadAsStringAsync());
        Assert.Equal("none", json.RootElement.GetProperty("decision").GetString());
        Assert.Equal(3, json.RootElement.GetProperty("answers").GetArrayLength());
    }

    [Theory]
    [InlineData("not json", "JSON object")]
    [InlineData("", "JSON object")]
    [InlineData("[1, 2]", "JSON object")]
    [InlineData("{}", "\\\"question\\\" is required")]
    [InlineData("{\"question\": 42}", "\\\"question\\\" is required")]
    [InlineData("{\"question\": \"   \"}", "must not be empty")]
    [InlineData("{\"question\": \"pricing\", \"top\": 0}", "\\\"top\\\" must be")]
    [InlineData("{\"question\": \"pricing\", \"top\": 11}", "\\\"top\\\" must be")]
    [InlineData("{\"question\": \"pricing\", \"top\": 2.5}", "\\\"top\\\" must be")]
    [InlineData("{\"question\": \"pricing\", \"top\": \"3\"}", "\\\"top\\\" must be")]
    public async Task Bad_input_is_a_400_with_a_one_line_error(string body, string expected)
    {
        await using var host = await BotTestHost.StartAsync(new Dictionary<string, string?> { ["Faq:WarmUpOnStart"] = "false" });
        using var client = host.CreateClient();

        var response = await Post(client, body);

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        var text = await response.Content.ReadAsStringAsync();
        Assert.StartsWith("{\"error\":", text);
        Assert.Contains(expected, text);
        Assert.DoesNotContain('\n', text);
    }

    [Fact]
    public async Task Question_over_the_limit_is_a_400()
    {
        await using var host = await BotTestHost.StartAsync(new Dictionary<string, string?> { ["Faq:WarmUpOnStart"] = "false" });
        using var client = host.CreateClient();

        var response = await Post(client, JsonSerializer.Serialize(new { question = new string('a', 10_001) }));

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
    }

    [Fact]
    public async Task It_needs_a_staff_key_like_the_dashboard()
    {
        await using var host = await BotTestHost.StartAsync(new Dictionary<string, string?> { ["Faq:WarmUpOnStart"] = "false" });
        using var client = host.CreateClient();

        Assert.Equal(HttpStatusCode.Unauthorized, (await Post(client, """{"question": "pricing"}""", key: null)).StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, (await Post(client, """{"question": "pricing"}""", key: "not-the-key-at-all")).StatusCode);
    }

    [Fact]
    public async Task Text_that_is_not_Unicode_or_a_huge_body_is_refused_with_a_reason()
    {
        await using var host = await BotTestHost.StartAsync(new Dictionary<string, string?> { ["Faq:WarmUpOnStart"] = "false" });
        using var client = host.CreateClient();

        var surrogate = await Post(client, """{"question": "\ud800 pricing"}""");
        Assert.Equal(HttpStatusCode.BadRequest, surrogate.StatusCode);
        Assert.Contains("Unicode", await surrogate.Content.ReadAsStringAsync());
        var huge = await Post(client, JsonSerializer.Serialize(new { question = "pricing", pad = new string('a', 200_000) }));
        Assert.Equal(HttpStatusCode.RequestEntityTooLarge, huge.StatusCode);
    }

    /// <summary>The sample key of Bot/appsettings.json (Metrics:AccessKeys).</summary>
    private const string SampleKey = "local-sample-metrics-key-replace-me";

    private static Task<HttpResponseMessage> Post(HttpClient client, string body, string? key = SampleKey)
    {
        var request = new HttpRequestMessage(HttpMethod.Post, "api/faq/query") { Content = new StringContent(body, Encoding.UTF8, "application/json") };
        if (key != null)
        {
            request.Headers.Add("X-Access-Key", key);
        }
        return client.SendAsync(request);
    }
}
