using System.Diagnostics;
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
        var scriptDir = Path.Combine(TestPaths.RepoRoot, "Bot.Tests", "Browser");
        Assert.True(File.Exists("/usr/bin/chromium"), "Debian chromium is missing: run ./test.sh (apt-get install -y chromium).");
        Assert.True(Directory.Exists(Path.Combine(scriptDir, "node_modules", "playwright-core")),
            "playwright-core is missing: run ./test.sh (npm ci in Bot.Tests/Browser).");

        await using var host = await BotTestHost.StartAsync(await StorageBackends.SettingsAsync(storage));
        var screenshots = TestPaths.Output(storage == "Sqlite" ? "handoff" : "handoff-blob");
        var start = new ProcessStartInfo("node", ["coach-handoff.mjs", host.BaseUrl, "local-sample-sales-key-change-me", screenshots])
        {
            WorkingDirectory = scriptDir,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
        };
        using var node = Process.Start(start)!;
        var stdout = node.StandardOutput.ReadToEndAsync();
        var stderr = node.StandardError.ReadToEndAsync();
        using var timeout = new CancellationTokenSource(TimeSpan.FromMinutes(3));
        try
        {
            await node.WaitForExitAsync(timeout.Token);
        }
        catch (OperationCanceledException)
        {
            node.Kill(entireProcessTree: true);
            throw;
        }
        var result = await stdout;
        output.WriteLine(result);
        output.WriteLine(await stderr);

        Assert.True(node.ExitCode == 0, $"the browser script failed: {result} {await stderr}");
        Assert.Contains("\"ok\":true", result);
        Assert.Contains("asked for a person", result); // the queue panel showed the request's reason
        foreach (var name in new[] { "coach-queue.png", "visitor-chatting.png", "coach-chatting.png", "visitor-feedback.png" })
        {
            Assert.True(File.Exists(Path.Combine(screenshots, name)), name + " missing");
        }
    }
}
