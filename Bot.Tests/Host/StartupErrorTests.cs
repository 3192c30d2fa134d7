using ChatBot.Tests.Infrastructure;

namespace ChatBot.Tests.Host;

/// <summary>A wrong setting stops the real binary with one line naming it, never a stack trace.</summary>
public class StartupErrorTests
{
    public static TheoryData<string, string> BadSettings => new()
    {
        { "--Faq:AnswerThreshold=7", "AnswerThreshold" },
        { "--Metrics:AccessKeys:0=short", "Metrics:AccessKeys" },
        { "--MicrosoftAppType=UserAssignedMSI", "MicrosoftAppId" },
        { "--APPLICATIONINSIGHTS_CONNECTION_STRING=InstrumentationKey=00000000-0000-0000-0000-000000000000;IngestionEndpoint=not a url", "APPLICATIONINSIGHTS_CONNECTION_STRING" },
    };

    [Theory]
    [MemberData(nameof(BadSettings))]
    public async Task A_bad_setting_stops_the_host_with_one_line_naming_it(string setting, string named)
    {
        var data = Path.Combine(Path.GetTempPath(), "chatbot-tests", Guid.NewGuid().ToString("N"));
        var (exit, output, error) = await StorageBackends.RunBotAsync("--urls", "http://127.0.0.1:0", "--Storage:Path=" + data, setting);

        Assert.Equal(2, exit);
        var line = Assert.Single((output + error).Split('\n', StringSplitOptions.RemoveEmptyEntries));
        Assert.StartsWith("ChatBot cannot start: ", line);
        Assert.Contains(named, line);
    }
}
