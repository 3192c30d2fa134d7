using System.Diagnostics;
using ChatBot.Tests.Infrastructure;
using Xunit.Abstractions;

namespace ChatBot.Tests.Browser;

/// <summary>
/// Runs one of the Playwright scripts in Bot.Tests/Browser with node, on Debian's Chromium (installed by test.sh,
/// never a browser of the tool's own): checks what it needs, gives it three minutes, and returns what it printed.
/// </summary>
public static class BrowserScript
{
    public static readonly string Folder = Path.Combine(TestPaths.RepoRoot, "Bot.Tests", "Browser");

    /// <summary>Fails the test unless the script exits 0; returns its standard output.</summary>
    public static async Task<string> RunAsync(ITestOutputHelper output, string script, params string[] args)
    {
        Assert.True(File.Exists("/usr/bin/chromium"), "Debian chromium is missing: run ./test.sh (apt-get install -y chromium).");
        Assert.True(Directory.Exists(Path.Combine(Folder, "node_modules", "playwright-core")),
            "playwright-core is missing: run ./test.sh (npm ci in Bot.Tests/Browser).");
        var start = new ProcessStartInfo("node", [script, .. args])
        {
            WorkingDirectory = Folder,
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
        var text = await stdout;
        output.WriteLine(text);
        output.WriteLine(await stderr);
        Assert.True(node.ExitCode == 0, $"the browser script {script} failed: {text} {await stderr}");
        return text;
    }
}
