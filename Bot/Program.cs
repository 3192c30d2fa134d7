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
    // Before the host starts (whose own start-up failures are logged with stack traces): one line naming the
    // setting to check; the details are for a debugger, not for the person starting the bot.
    await app.Services.GetRequiredService<StorageStartupCheck>().CheckAsync();
}
catch (StorageUnavailableException e)
{
    Console.Error.WriteLine("ChatBot cannot start: " + e.Message);
    return 2;
}
await app.RunAsync();
return 0;

public partial class Program;
