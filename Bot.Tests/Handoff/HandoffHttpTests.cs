using ChatBot.Dialogs.Prospects;
using ChatBot.Handoff.Storage;
using Microsoft.Extensions.DependencyInjection;
using ChatBot.Tests.Infrastructure;

namespace ChatBot.Tests.Handoff;

/// <summary>
/// The whole handoff on the real host: POST /api/messages in, proactive relays out through CloudAdapter to a
/// loopback channel, with the sample coaches from appsettings.json and the real bot (MainBot and the prospect dialogs).
/// </summary>
public class HandoffHttpTests
{
    [Fact]
    public async Task A_visitor_asks_for_a_person_a_coach_accepts_they_chat_the_coach_ends_and_the_bot_asks_for_feedback()
    {
        await using var channel = await TestChannel.StartAsync();
        await using var host = await BotTestHost.StartAsync(new Dictionary<string, string?> { ["Handoff:ConsoleChannelId"] = "test" });
        using var client = host.CreateClient();

        await client.PostActivityAsync(channel.Message("agent-dana", "available", userId: "coach:dana"));
        Assert.Contains("you're available for sales", (await channel.WaitForAsync("agent-dana", 1))[0].Activity.Text);

        await client.PostActivityAsync(channel.Message("visitor-1", "Can I talk to a person?"));
        Assert.Contains("number 1 in line", (await channel.WaitForAsync("visitor-1", 1))[0].Activity.Text);
        var alert = (await channel.WaitForAsync("agent-dana", 2))[1].Activity;
        Assert.Contains("New sales request #", alert.Text);

        await client.PostActivityAsync(channel.Message("agent-dana", "accept next", userId: "coach:dana"));
        var coach = await channel.WaitForAsync("agent-dana", 4);
        Assert.StartsWith("Transcript of #", coach[2].Activity.Text);
        Assert.Contains("Can I talk to a person?", coach[2].Activity.Text);
        Assert.StartsWith("You're now chatting with Dana", (await channel.WaitForAsync("visitor-1", 2))[1].Activity.Text);

        await client.PostActivityAsync(channel.Message("visitor-1", "Hello Dana"));
        Assert.EndsWith(": Hello Dana", (await channel.WaitForAsync("agent-dana", 5))[4].Activity.Text);
        await client.PostActivityAsync(channel.Message("agent-dana", "Hi! How can I help?", userId: "coach:dana"));
        Assert.EndsWith(": Hi! How can I help?", (await channel.WaitForAsync("visitor-1", 3))[2].Activity.Text);

        await client.PostActivityAsync(channel.Message("agent-dana", "end qualified", userId: "coach:dana"));
        var visitor = await channel.WaitForAsync("visitor-1", 5);
        Assert.Contains("has ended the chat", visitor[3].Activity.Text);
        // A plain-text channel: the 👍/👎 choices follow as a numbered list.
        Assert.Equal($"{FeedbackDialog.Question}\n\n1. {JourneyTexts.ThumbsUp}\n2. {JourneyTexts.ThumbsDown}", visitor[4].Activity.Text);
        Assert.Contains("ended (qualified)", (await channel.WaitForAsync("agent-dana", 6))[5].Activity.Text);
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
