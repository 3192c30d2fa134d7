using ChatBot.Privacy;
using ChatBot.Storage;

namespace ChatBot.Commands;

/// <summary>
/// `forget-visitor &lt;visitorId&gt; [--Setting=value ...]`: a privacy request. Deletes everything stored for the visitor
/// id on the configured back end (Storage:Kind, with the host's configuration; extra settings as for the host) and
/// prints what it deleted, per kind. Exit code 0 when done (also when nothing was found), 2 on bad input or
/// unusable storage (one line naming the setting), 3 when deleted but a running bot kept SQLite's log from being emptied.
/// </summary>
public static class ForgetVisitorCommand
{
    public const string Usage = "<visitorId> [--Storage:Kind=... ...]: deletes everything stored for a visitor (privacy requests) and prints what it deleted";

    public static async Task<int> RunAsync(string[] args)
    {
        if (args.Length == 0 || string.IsNullOrWhiteSpace(args[0]) || args[0].StartsWith("--", StringComparison.Ordinal))
        {
            Console.Error.WriteLine($"forget-visitor: give the visitor id. Usage: forget-visitor {Usage}");
            return 2;
        }
        var visitorId = args[0];
        await using var app = BotHost.Build(["--Logging:LogLevel:Default=Warning", .. args[1..]]);
        try
        {
            await app.Services.GetRequiredService<StorageStartupCheck>().CheckAsync();
        }
        catch (StorageUnavailableException e)
        {
            Console.Error.WriteLine("forget-visitor: " + e.Message);
            return 2;
        }
        var report = await app.Services.GetRequiredService<VisitorEraser>().ForgetAsync(visitorId);
        var storage = app.Services.GetRequiredService<Microsoft.Extensions.Options.IOptions<Options.StorageOptions>>().Value;
        Console.WriteLine($"Forgot visitor '{visitorId}' on the {storage.Kind} storage:");
        foreach (var (kind, count) in report.Lines())
        {
            Console.WriteLine($"  {kind,-42} {count,6}");
        }
        if (storage.Kind == Options.StorageKind.Sqlite)
        {
            var rebuilt = SqliteScrub.Run(BotHost.ResolvePath(storage.Path, app.Environment));
            Console.WriteLine($"Rebuilt {string.Join(", ", rebuilt.Select(r => r.File))} so that deleted text is not left in the files.");
            var busy = rebuilt.Where(r => !r.LogEmptied).Select(r => r.File).ToList();
            if (busy.Count > 0)
            {
                // SQLite reuses a log without emptying it: only a checkpoint with no reader truncates it.
                Console.Error.WriteLine($"forget-visitor: the write-ahead log of {string.Join(", ", busy)} is in use by a running bot and may still hold the deleted text. Stop the bot and run forget-visitor again.");
                return 3;
            }
        }
        return 0;
    }
}
