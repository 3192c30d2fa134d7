using ChatBot.Tests.Infrastructure;
using Xunit.Abstractions;

namespace ChatBot.Tests.Browser;

/// <summary>
/// The product page in Debian's headless Chromium (driven by playwright-core): open the widget, send "hello"
/// in Web Chat, see the bot's reply, reload and see the same conversation. Screenshots go to
/// test-output/browser/. Needs /usr/bin/chromium and Bot.Tests/Browser/node_modules (./test.sh installs both).
/// </summary>
public class WebChatBrowserTests(ITestOutputHelper output)
{
    [Fact]
    public async Task Web_Chat_on_the_page_gets_the_bots_reply_and_resumes_after_reload()
    {
        Assert.True(File.Exists(Path.Combine(TestPaths.RepoRoot, "Bot", "wwwroot", "lib", "webchat.js")), "webchat.js was not bundled by the build.");

        await using var host = await BotTestHost.StartAsync();
        var screenshots = TestPaths.Output("browser");

        var result = await BrowserScript.RunAsync(output, "webchat-roundtrip.mjs", host.BaseUrl + "/", screenshots);
        Assert.Contains("\"ok\":true", result);
        // The script found the bot's reply to "hello" (by replyToId) in the polls and on screen, whatever its wording.
        Assert.Matches("\"reply\":\"[^\"]+", result);
        Assert.True(File.Exists(Path.Combine(screenshots, "webchat-hello.png")));
    }
}
