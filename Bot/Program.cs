using ChatBot;
using ChatBot.Commands;

if (CommandLine.IsCommand(args))
{
    return await CommandLine.RunAsync(args);
}

var app = BotHost.Build(args);
await app.RunAsync();
return 0;

public partial class Program;
