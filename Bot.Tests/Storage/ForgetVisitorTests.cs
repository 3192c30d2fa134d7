using System.Net;
using System.Text;
using ChatBot.DirectLine;
using ChatBot.Handoff.Events;
using ChatBot.Handoff.Storage;
using ChatBot.Privacy;
using ChatBot.Tests.DirectLine;
using ChatBot.Tests.Infrastructure;
using ChatBot.Transcripts;
using Microsoft.Bot.Builder;
using Microsoft.Extensions.DependencyInjection;
using Newtonsoft.Json.Linq;

namespace ChatBot.Tests.Storage;

/// <summary>forget-visitor on every back end: after a real chat (Direct Line, a handoff, a coach), everything stored for the visitor goes, and nobody else's.</summary>
public class ForgetVisitorTests
{
    private const string DanaKey = "local-sample-sales-key-change-me";

    private sealed record Chat(string VisitorId, string ConversationId, string OtherVisitorId, string OtherConversationId, string CoachConversationId);

    /// <summary>Two visitors chat; the first asks for a person and a coach accepts and ends; both have user state.</summary>
    private static async Task<Chat> ChatAsync(BotTestHost host)
    {
        using var client = host.CreateClient();
        using var directLine = new DirectLineTestClient(host.BaseUrl);
        var response = await client.PostAsync("api/coach/token", new StringContent($"{{\"key\": \"{DanaKey}\"}}", Encoding.UTF8, "application/json"));
        var token = JObject.Parse(await response.Content.ReadAsStringAsync());
        var coach = new DirectLineTestClient.Grant((string)token["conversationId"]!, (string)token["token"]!);
        Assert.Equal(HttpStatusCode.Created, (await directLine.SendAsync(HttpMethod.Post, "conversations", coach.Token)).Status);
        await directLine.PostActivityAsync(coach.ConversationId, coach.Token, "{\"type\":\"event\",\"name\":\"coach.hello\"}");
        await directLine.WaitForAsync(coach, a => a.Value<string>("text")?.StartsWith("Hi Dana") == true, "the coach's status line");

        var visitorId = "visitor-forget-" + Guid.NewGuid().ToString("N")[..12];
        var visitor = await directLine.StartConversationAsync(visitorId);
        await directLine.PostMessageAsync(visitor, "hello, my email is me@example.com");
        await directLine.PostMessageAsync(visitor, "Can I talk to a person?");
        await directLine.WaitForAsync(coach, a => a.Value<string>("text")?.Contains("New sales request") == true, "the alert");
        await directLine.PostMessageAsync(coach, "accept next");
        await directLine.WaitForAsync(visitor, a => a.Value<string>("text")?.StartsWith("You're now chatting with Dana") == true, "connected");
        await directLine.PostMessageAsync(coach, "end resolved");
        await directLine.WaitForAsync(visitor, a => a.Value<string>("text")?.Contains("ended the chat") == true, "the end");

        var otherId = "visitor-keep-" + Guid.NewGuid().ToString("N")[..12];
        var other = await directLine.StartConversationAsync(otherId);
        var stays = await directLine.PostMessageAsync(other, "Is there a free plan?");
        await directLine.WaitForAsync(other, a => DirectLineTestClient.IsBotMessage(a) && a.Value<string>("replyToId") == stays, "the other visitor's answer");

        var storage = host.Services.GetRequiredService<IStorage>();
        await storage.WriteAsync(new Dictionary<string, object>
        {
            [$"directline/users/{visitorId}"] = new Dictionary<string, object> { ["name"] = "Ada" },
            [$"directline/users/{otherId}"] = new Dictionary<string, object> { ["name"] = "Bea" },
        });
        await host.Services.GetRequiredService<BackgroundTranscriptLogger>().FlushAsync();
        return new Chat(visitorId, visitor.ConversationId, otherId, other.ConversationId, coach.ConversationId);
    }

    private static async Task AssertForgottenAsync(IServiceProvider services, Chat chat)
    {
        var storage = services.GetRequiredService<IStorage>();
        var left = await storage.ReadAsync([
            $"directline/users/{chat.VisitorId}", $"directline/conversations/{chat.ConversationId}",
            HandoffStore.RecordKey("directline", chat.ConversationId)]);
        Assert.Empty(left);
        Assert.Null(await services.GetRequiredService<ConversationStore>().GetAsync(chat.ConversationId, default));
        Assert.Null(await services.GetRequiredService<ConversationStore>().GetUserClaimAsync(chat.VisitorId, default));
        Assert.Empty((await services.GetRequiredService<ITranscriptStore>().GetTranscriptActivitiesAsync("directline", chat.ConversationId)).Items);
        Assert.Empty(await services.GetRequiredService<IVisitorTranscripts>().ConversationsOfAsync(chat.VisitorId));
        await foreach (var e in services.GetRequiredService<IEventLog>().ReadAsync(DateTimeOffset.MinValue, DateTimeOffset.MaxValue))
        {
            Assert.NotEqual(chat.VisitorId, e.VisitorId);
            Assert.NotEqual(chat.ConversationId, e.ConversationId);
        }

        // What the coach was shown (the alert, the transcript on accept, relayed messages) is blanked in the console.
        var console = (await services.GetRequiredService<ConversationStore>().ReadAsync(chat.CoachConversationId, 0, 1000, default))!.Value.Activities;
        Assert.DoesNotContain(console, a => a.Contains("me@example.com") || a.Contains("Can I talk to a person"));
        Assert.Contains(console, a => a.Contains(ConversationStore.RedactedText));
        Assert.Contains(console, a => a.Contains("You're not in a chat") || a.Contains("Hi Dana"));

        // The other visitor keeps everything.
        Assert.Equal(2, (await storage.ReadAsync([$"directline/users/{chat.OtherVisitorId}", $"directline/conversations/{chat.OtherConversationId}"])).Count);
        Assert.NotNull(await services.GetRequiredService<ConversationStore>().GetAsync(chat.OtherConversationId, default));
        Assert.NotEmpty((await services.GetRequiredService<ITranscriptStore>().GetTranscriptActivitiesAsync("directline", chat.OtherConversationId)).Items);
    }

    [Theory]
    [InlineData("Memory")]
    [InlineData("Sqlite")]
    [InlineData("Blob")]
    public async Task Everything_stored_for_a_visitor_is_deleted_and_counted(string kind)
    {
        await using var host = await BotTestHost.StartAsync(await StorageBackends.SettingsAsync(kind));
        var chat = await ChatAsync(host);

        var report = await host.Services.GetRequiredService<VisitorEraser>().ForgetAsync(chat.VisitorId);

        Assert.Equal(1, report.UserState);
        Assert.Equal(1, report.ConversationState);
        Assert.Equal(1, report.DirectLineConversations);
        Assert.True(report.DirectLineActivities >= 6, $"{report.DirectLineActivities} Direct Line activities");
        Assert.Equal(1, report.DirectLineUserClaims);
        Assert.Equal(1, report.Transcripts);
        Assert.True(report.TranscriptActivities >= 6, $"{report.TranscriptActivities} transcript activities");
        Assert.Equal(1, report.HandoffRecords);
        Assert.True(report.OutcomeEvents >= 4, $"{report.OutcomeEvents} events");
        Assert.True(report.CoachConsoleCopies >= 2, $"{report.CoachConsoleCopies} coach console copies");
        await AssertForgottenAsync(host.Services, chat);

        var again = await host.Services.GetRequiredService<VisitorEraser>().ForgetAsync(chat.VisitorId);
        Assert.All(again.Lines(), line => Assert.Equal(0, line.Count));
    }

    [Theory]
    [InlineData("Sqlite")]
    [InlineData("Blob")]
    public async Task The_command_forgets_a_visitor_on_the_configured_store_and_prints_the_counts(string kind)
    {
        var settings = await StorageBackends.SettingsAsync(kind);
        Chat chat;
        string dataPath;
        await using (var host = await BotTestHost.StartAsync(settings))
        {
            chat = await ChatAsync(host);
            dataPath = host.DataPath;
        }
        settings["Storage:Path"] = dataPath;

        var (exit, output, error) = await StorageBackends.RunBotAsync(["forget-visitor", chat.VisitorId, .. settings.Select(kv => $"--{kv.Key}={kv.Value}")]);

        Assert.True(exit == 0, $"exit {exit}: {error}");
        Assert.Contains($"Forgot visitor '{chat.VisitorId}' on the {kind} storage:", output);
        Assert.Matches(@"Direct Line conversations\s+1", output);
        Assert.Matches(@"handoff records \(with their transcript\)\s+1", output);
        Assert.Matches(@"outcome events\s+[1-9]", output);
        if (kind == "Sqlite")
        {
            // Deleted rows leave their bytes in free pages and the write-ahead log: the command rebuilds the files.
            Assert.Contains("Rebuilt ", output);
            foreach (var file in Directory.GetFiles(dataPath, "*.db*"))
            {
                Assert.DoesNotContain("me@example.com", Encoding.UTF8.GetString(await File.ReadAllBytesAsync(file)));
            }
        }
        await using var after = await BotTestHost.StartAsync(settings, dataPath);
        await AssertForgottenAsync(after.Services, chat);
    }

    [Fact]
    public async Task The_command_without_a_visitor_id_says_how_to_use_it()
    {
        var (exit, _, error) = await StorageBackends.RunBotAsync("forget-visitor");
        Assert.Equal(2, exit);
        Assert.Contains("give the visitor id", error);
    }
}
