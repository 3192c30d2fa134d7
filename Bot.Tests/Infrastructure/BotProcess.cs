using System.Diagnostics;

namespace ChatBot.Tests.Infrastructure;

/// <summary>
/// The built bot (ChatBot.dll) serving in a process of its own, for what only a process shows: being killed
/// (SIGKILL, no shutdown code runs) and started again on the same store.
/// </summary>
public sealed class BotProcess : IAsyncDisposable
{
    private readonly Process _process;
    private readonly System.Text.StringBuilder _output = new();

    private BotProcess(Process process, string baseUrl)
    {
        _process = process;
        BaseUrl = baseUrl;
        process.OutputDataReceived += (_, e) => { lock (_output) { _output.AppendLine(e.Data); } };
        process.ErrorDataReceived += (_, e) => { lock (_output) { _output.AppendLine(e.Data); } };
        process.BeginOutputReadLine();
        process.BeginErrorReadLine();
    }

    /// <summary>http://127.0.0.1:PORT, without a trailing slash.</summary>
    public string BaseUrl { get; }

    /// <summary>Starts the bot on <paramref name="port"/> with these settings and waits until /healthz answers.</summary>
    public static async Task<BotProcess> StartAsync(int port, IDictionary<string, string?> settings)
    {
        var start = new ProcessStartInfo("dotnet") { UseShellExecute = false, RedirectStandardOutput = true, RedirectStandardError = true };
        start.ArgumentList.Add(Path.Combine(AppContext.BaseDirectory, "ChatBot.dll"));
        start.ArgumentList.Add($"--Urls=http://127.0.0.1:{port}");
        start.ArgumentList.Add("--Logging:LogLevel:Default=Warning");
        foreach (var (key, value) in settings.Where(kv => kv.Value != null && kv.Key != "Urls"))
        {
            start.ArgumentList.Add($"--{key}={value}");
        }
        start.Environment["DOTNET_NOLOGO"] = "1";
        var bot = new BotProcess(Process.Start(start)!, $"http://127.0.0.1:{port}");
        using var http = new HttpClient { Timeout = TimeSpan.FromSeconds(2) };
        var deadline = DateTime.UtcNow.AddSeconds(60);
        while (DateTime.UtcNow < deadline && !bot._process.HasExited)
        {
            try
            {
                if ((await http.GetAsync(bot.BaseUrl + "/healthz")).IsSuccessStatusCode)
                {
                    return bot;
                }
            }
            catch (HttpRequestException)
            {
            }
            catch (TaskCanceledException)
            {
            }
            await Task.Delay(100);
        }
        var output = bot.Output;
        await bot.DisposeAsync();
        throw new InvalidOperationException("The bot process did not start serving:\n" + output);
    }

    public string Output
    {
        get { lock (_output) { return _output.ToString(); } }
    }

    /// <summary>SIGKILL: the process ends at once, nothing flushed, no hosted service stopped.</summary>
    public async Task KillAsync()
    {
        _process.Kill(entireProcessTree: true);
        await _process.WaitForExitAsync();
    }

    public async ValueTask DisposeAsync()
    {
        if (!_process.HasExited)
        {
            await KillAsync();
        }
        _process.Dispose();
    }
}
