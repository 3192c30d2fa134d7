namespace ChatBot.Tests.Infrastructure;

public class HostSmokeTests
{
    [Fact]
    public async Task Healthz_answers_ok()
    {
        await using var host = await BotTestHost.StartAsync();
        using var client = host.CreateClient();
        var body = await client.GetStringAsync("healthz");
        Assert.Contains("\"ok\"", body);
    }
}
