using ChatBot;
using ChatBot.Commands;
using ChatBot.Storage;
using Microsoft.Bot.Connector.Authentication;
using Microsoft.Extensions.Options;

if (CommandLine.IsCommand(args))
{
    return await CommandLine.RunAsync(args);
}

var app = BotHost.Build(args);
try
{
    // Before the host starts (whose own start-up failures are logged with stack traces): one line naming the
    // setting to check; the details are for a debugger, not for the person starting the bot.
    app.Services.GetService<IStartupValidator>()?.Validate();
    await app.Services.GetRequiredService<StorageStartupCheck>().CheckAsync();
    // The SDK reads MicrosoftAppType/MicrosoftAppId when its authentication is built, and throws on a bad pair.
    app.Services.GetRequiredService<BotFrameworkAuthentication>();
}
catch (OptionsValidationException e)
{
    foreach (var failure in e.Failures)
    {
        Console.Error.WriteLine("ChatBot cannot start: " + failure);
    }
    return 2;
}
catch (ArgumentException e) when (e.StackTrace?.Contains("Microsoft.Bot.", StringComparison.Ordinal) == true)
{
    Console.Error.WriteLine($"ChatBot cannot start: {e.Message} Check MicrosoftAppType, MicrosoftAppId, MicrosoftAppPassword and MicrosoftAppTenantId.");
    return 2;
}
catch (StorageUnavailableException e)
{
    Console.Error.WriteLine("ChatBot cannot start: " + e.Message);
    return 2;
}
await app.RunAsync();
return 0;

public partial class Program;
