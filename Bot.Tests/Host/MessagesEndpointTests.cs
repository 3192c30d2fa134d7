using System.Net;
using ChatBot.Adapters;
using ChatBot.Endpoints;
using ChatBot.Options;
using Microsoft.AspNetCore.Http;
using Microsoft.Bot.Builder.Integration.AspNet.Core;
using Microsoft.Extensions.Configuration;
using Moq;
using ChatBot.Tests.Infrastructure;
using Microsoft.Bot.Builder;
using Microsoft.Extensions.DependencyInjection;

namespace ChatBot.Tests.Host;

/// <summary>POST /api/messages on the real host, answered at an outside channel's serviceUrl, as under Azure Bot Service.</summary>
public class MessagesEndpointTests
{
    [Fact]
    public async Task A_message_is_answered_at_the_channels_serviceUrl_as_a_reply_to_it()
    {
        await using var channel = await TestChannel.StartAsync();
        await using var host = await BotTestHost.StartAsync();
        using var client = host.CreateClient();

        var message = channel.Message("conv-a", "hello");
        var response = await client.PostActivityAsync(message);

        Assert.True(response.IsSuccessStatusCode, $"status {response.StatusCode}");
        var replies = await channel.WaitForAsync("conv-a", 1);
        Assert.Equal(message.Id, replies[0].ReplyToId);
        Assert.Equal("conv-a", replies[0].Activity.Conversation.Id);
        Assert.False(string.IsNullOrWhiteSpace(replies[0].Activity.Text));
    }

    [Fact]
    public async Task The_welcome_is_sent_once_per_conversation()
    {
        await using var channel = await TestChannel.StartAsync();
        await using var host = await BotTestHost.StartAsync();
        using var client = host.CreateClient();

        await client.PostActivityAsync(channel.ConversationStarted("conv-w"));
        await channel.WaitForAsync("conv-w", 1);
        await client.PostActivityAsync(channel.ConversationStarted("conv-w"));
        await client.PostActivityAsync(channel.Message("conv-w", "hi"));
        var all = await channel.WaitForAsync("conv-w", 2);

        Assert.Single(all, r => r.Activity.Text?.StartsWith("Hi, I'm") == true);
        await Task.Delay(300);
        Assert.Equal(2, channel.All.Count(r => r.ConversationId == "conv-w"));
    }

    [Fact]
    public async Task A_turn_that_throws_gets_one_plain_sentence_and_no_stack_trace()
    {
        await using var channel = await TestChannel.StartAsync();
        await using var host = await BotTestHost.StartAsync(services: s => s.AddTransient<IBot, ThrowingBot>());
        using var client = host.CreateClient();

        var response = await client.PostActivityAsync(channel.Message("conv-e", "boom"));
        var body = await response.Content.ReadAsStringAsync();

        var replies = await channel.WaitForAsync("conv-e", 1);
        Assert.Equal(AdapterWithErrorHandler.ErrorMessage, replies[0].Activity.Text);
        Assert.DoesNotContain("at ChatBot", body);
        Assert.DoesNotContain("Exception", body);
        Assert.NotEqual(HttpStatusCode.InternalServerError, response.StatusCode);
    }

    [Fact]
    public async Task With_an_app_id_set_an_unauthenticated_request_is_refused()
    {
        await using var channel = await TestChannel.StartAsync();
        await using var host = await BotTestHost.StartAsync(new Dictionary<string, string?>
        {
            ["MicrosoftAppId"] = "00000000-0000-0000-0000-000000000001",
            ["MicrosoftAppPassword"] = "not-a-real-secret",
        });
        using var client = host.CreateClient();

        var response = await client.PostActivityAsync(channel.Message("conv-auth", "hello"));

        Assert.Equal(HttpStatusCode.Unauthorized, response.StatusCode);
        Assert.False(string.IsNullOrWhiteSpace(System.Text.Json.JsonDocument.Parse(await response.Content.ReadAsStringAsync()).RootElement.GetProperty("error").GetString()));
        await Task.Delay(300);
        Assert.Empty(channel.All);
    }

    [Fact]
    public async Task Without_an_app_id_only_this_machine_may_post_so_nobody_can_aim_the_bot_at_another_address()
    {
        var channel = new Mock<IBotFrameworkHttpAdapter>(MockBehavior.Strict);
        var context = new DefaultHttpContext();
        context.Connection.RemoteIpAddress = IPAddress.Parse("203.0.113.7");
        context.Request.Body = new MemoryStream("{}"u8.ToArray());
        context.Response.Body = new MemoryStream();
        var configuration = new ConfigurationBuilder().AddInMemoryCollection(new Dictionary<string, string?> { ["MicrosoftAppId"] = "" }).Build();

        await MessagesEndpoint.HandleAsync(context, channel.Object, Mock.Of<IBot>(), Microsoft.Extensions.Options.Options.Create(new BotOptions()), configuration);

        Assert.Equal(StatusCodes.Status403Forbidden, context.Response.StatusCode);
        context.Response.Body.Position = 0;
        Assert.Contains("MicrosoftAppId", new StreamReader(context.Response.Body).ReadToEnd());
        // The adapter (a strict mock) was never called: no turn, no reply to any serviceUrl.
    }

    [Fact]
    public async Task A_body_over_the_limit_gets_413_with_a_reason()
    {
        await using var host = await BotTestHost.StartAsync(new Dictionary<string, string?> { ["Bot:MaxTextLength"] = "1000" });
        using var client = host.CreateClient();

        var response = await client.PostAsync("api/messages", new StringContent(new string('x', 200_000), System.Text.Encoding.UTF8, "application/json"));

        Assert.Equal(HttpStatusCode.RequestEntityTooLarge, response.StatusCode);
        Assert.Contains("too large", await response.Content.ReadAsStringAsync());
    }

    private sealed class ThrowingBot : IBot
    {
        public Task OnTurnAsync(ITurnContext turnContext, CancellationToken cancellationToken = default) =>
            throw new InvalidOperationException("simulated failure in a dialog step");
    }
}
