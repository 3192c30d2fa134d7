namespace ChatBot.Tests.Infrastructure;

/// <summary>Host settings for each Storage:Kind, a fresh store each time (Blob: a container of its own on Azurite).</summary>
public static class StorageBackends
{
    public static async Task<Dictionary<string, string?>> SettingsAsync(string kind, Dictionary<string, string?>? more = null)
    {
        var settings = new Dictionary<string, string?> { ["Storage:Kind"] = kind };
        if (kind == "Blob")
        {
            settings["Storage:ConnectionString"] = await Azurite.ConnectionStringAsync();
            settings["Storage:Container"] = Azurite.NewContainerName();
        }
        foreach (var (key, value) in more ?? [])
        {
            settings[key] = value;
        }
        return settings;
    }

    /// <summary>The built bot (ChatBot.dll) run as its own process, for what only a process shows: exit codes, stderr.</summary>
    public static async Task<(int ExitCode, string Output, string Error)> RunBotAsync(params string[] args)
    {
        var dll = Path.Combine(AppContext.BaseDirectory, "ChatBot.dll");
        var start = new System.Diagnostics.ProcessStartInfo("dotnet") { UseShellExecute = false, RedirectStandardOutput = true, RedirectStandardError = true };
        start.ArgumentList.Add(dll);
        foreach (var arg in args)
        {
            start.ArgumentList.Add(arg);
        }
        start.Environment["DOTNET_NOLOGO"] = "1";
        using var process = System.Diagnostics.Process.Start(start)!;
        var output = process.StandardOutput.ReadToEndAsync();
        var error = process.StandardError.ReadToEndAsync();
        using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(90));
        await process.WaitForExitAsync(timeout.Token);
        return (process.ExitCode, await output, await error);
    }
}
