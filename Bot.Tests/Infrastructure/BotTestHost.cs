using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.Extensions.DependencyInjection;

namespace ChatBot.Tests.Infrastructure;

/// <summary>
/// The real bot host (Kestrel, the production pipeline) on a free loopback port, with settings
/// overridden per test. Storage defaults to a fresh SQLite folder, so a test can stop the host and
/// start another on the same folder to prove that something survives a restart.
/// </summary>
public sealed class BotTestHost : IAsyncDisposable
{
    private BotTestHost(WebApplication app, string baseUrl, string dataPath)
    {
        App = app;
        BaseUrl = baseUrl;
        DataPath = dataPath;
    }

    public WebApplication App { get; }
    /// <summary>http://127.0.0.1:PORT, without a trailing slash.</summary>
    public string BaseUrl { get; }
    public string DataPath { get; }
    public IServiceProvider Services => App.Services;

    public static async Task<BotTestHost> StartAsync(
        IDictionary<string, string?>? settings = null,
        string? dataPath = null,
        Action<IServiceCollection>? services = null)
    {
        dataPath ??= Path.Combine(Path.GetTempPath(), "chatbot-tests", Guid.NewGuid().ToString("N"));
        var all = new Dictionary<string, string?>
        {
            ["Urls"] = "http://127.0.0.1:0",
            ["Storage:Kind"] = "Sqlite",
            ["Storage:Path"] = dataPath,
            ["Logging:LogLevel:Default"] = "Warning",
        };
        foreach (var (key, value) in settings ?? new Dictionary<string, string?>())
        {
            all[key] = value;
        }

        // Settings go in as command-line arguments, so they are in place before any service reads them.
        var args = all.Where(kv => kv.Value != null).Select(kv => $"--{kv.Key}={kv.Value}").ToArray();
        var app = BotHost.Build(args, builder => services?.Invoke(builder.Services));
        await app.StartAsync();
        var address = app.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.First();
        return new BotTestHost(app, address.TrimEnd('/'), dataPath);
    }

    public HttpClient CreateClient() => new() { BaseAddress = new Uri(BaseUrl + "/") };

    public async ValueTask DisposeAsync()
    {
        await App.StopAsync();
        await App.DisposeAsync();
    }
}
