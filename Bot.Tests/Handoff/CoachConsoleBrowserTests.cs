using ChatBot.Tests.Browser;
using ChatBot.Tests.Infrastructure;
using Xunit.Abstractions;

namespace ChatBot.Tests.Handoff;

/// <summary>
/// Two Chromium pages on the real host: a visitor asks for a person on the product page, the coach accepts on
/// /coach, they chat both ways, the coach ends as qualified and the visitor gets the feedback question.
/// On SQLite and on Blob (Azurite). Screenshots go to test-output/handoff/ (handoff-blob/). Needs /usr/bin/chromium and Bot.Tests/Browser/node_modules (./test.sh).
/// </summary>
public class CoachConsoleBrowserTests(ITestOutputHelper output)
{
    [Theory]
    [InlineData("Sqlite")]
    [InlineData("Blob")]
    public async Task A_visitor_and_a_coach_chat_through_the_console_until_the_feedback_question(string storage)
    {

        await using var host = await BotTestHost.StartAsync(await StorageBackends.SettingsAsync(storage));
        var screenshots = TestPaths.Output(storage == "Sqlite" ? "handoff" : "handoff-blob");
        var result = await BrowserScript.RunAsync(output, "coach-handoff.mjs", host.BaseUrl, "local-sample-sales-key-change-me", screenshots);
        Assert.Contains("\"ok\":true", result);
        Assert.Contains("asked for a person", result); // the queue panel showed the request's reason
        foreach (var name in new[] { "coach-queue.png", "visitor-chatting.png", "coach-chatting.png", "visitor-feedback.png" })
        {
            Assert.True(File.Exists(Path.Combine(screenshots, name)), name + " missing");
        }
    }
}
