using ChatBot.Dialogs.Prospects;
using ChatBot.Handoff.Storage;
using ChatBot.Tests.Infrastructure;
using Microsoft.Extensions.DependencyInjection;

namespace ChatBot.Tests.Handoff;

/// <summary>
/// The handoff on the real host through POST /api/messages with a loopback channel (the whole handoff through the
/// coach console is in CoachConsoleTests), with the sample coaches from appsettings.json.
/// </summary>
public class HandoffHttpTests
{
    [Fact]
    public async Task A_coach_identity_posted_to_api_messages_without_authentication_is_a_visitor()
    {
        // Anyone can write "coach:dana" into an activity: on the real host, with MicrosoftAppId empty, nothing
        // vouches for it, so it is a visitor's message (the coach console's own channel is refused outright).
        await using var channel = await TestChannel.StartAsync();
        await using var host = await BotTestHost.StartAsync(new Dictionary<string, string?> { ["Handoff:ConsoleChannelId"] = "test" });
        using var client = host.CreateClient();

        await client.PostActivityAsync(channel.Message("agent-dana", "available", userId: "coach:dana"));
        var reply = (await channel.WaitForAsync("agent-dana", 1))[0].Activity.Text;
        Assert.DoesNotContain("you're available", reply);
        Assert.Null(await host.Services.GetRequiredService<HandoffStore>().GetAsync<CoachRecord>(HandoffStore.CoachKey("dana")));
    }

    [Fact]
    public async Task A_visitor_typing_accept_next_on_the_real_host_is_answered_by_the_bot_as_a_visitor()
    {
        await using var channel = await TestChannel.StartAsync();
        await using var host = await BotTestHost.StartAsync(new Dictionary<string, string?> { ["Handoff:ConsoleChannelId"] = "test" });
        using var client = host.CreateClient();

        await client.PostActivityAsync(channel.Message("visitor-2", "accept next"));
        // Words of no meaning to the bot, not a coach command: the visitor is asked for more, nothing is queued.
        var reply = (await channel.WaitForAsync("visitor-2", 1))[0].Activity;
        Assert.Equal(JourneyTexts.NotUnderstood().Text, reply.Text);
        await client.PostActivityAsync(channel.Message("visitor-2", "queue"));
        Assert.Equal(JourneyTexts.NotUnderstood().Text, (await channel.WaitForAsync("visitor-2", 2))[1].Activity.Text);
        var queue = await host.Services.GetRequiredService<HandoffStore>().GetQueueAsync();
        Assert.Empty(queue.Entries);
    }
}
