using ChatBot;
using ChatBot.Commands;
using ChatBot.Storage;

if (CommandLine.IsCommand(args))
{
    return await CommandLine.RunAsync(args);
}

var app = BotHost.Build(args);
try
{
    await app.StartAsync();
}
catch (StorageUnavailableException e)
{
    // One line naming the setting to check; the details are for a debugger, not for the person starting the bot.
    Console.Error.WriteLine("ChatBot cannot start: " + e.Message);
    return 2;
}
await app.WaitForShutdownAsync();
return 0;

public partial class Program;
