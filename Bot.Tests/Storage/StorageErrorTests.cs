using ChatBot.Adapters;
using ChatBot.Handoff.Storage;
using ChatBot.Storage;
using ChatBot.Tests.Infrastructure;
using Microsoft.Bot.Builder;
using Microsoft.Extensions.DependencyInjection;

namespace ChatBot.Tests.Storage;

/// <summary>
/// Storage that cannot be used at start stops the bot with one line naming the setting to check (no stack trace);
/// storage failing during a turn is logged, the visitor gets one plain sentence, and nothing half-written is left.
/// </summary>
public class StorageErrorTests
{
    public static TheoryData<string[], string> Unusable => new()
    {
        { ["--Storage:Kind=Blob"], "Storage:ConnectionString is empty" },
        { ["--Storage:Kind=Blob", "--Storage:ConnectionString=nonsense"], "Storage:ConnectionString is not a valid Azure Storage connection string" },
        { ["--Storage:Kind=Blob", "--Storage:ConnectionString=" + Azurite.ConnectionStringFor(Azurite.FreePort())], "Storage:ConnectionString: cannot reach the Blob service at http://127.0.0.1:" },
        { ["--Storage:Kind=Blob", "--Storage:Container=Not_Valid", "--Storage:ConnectionString=UseDevelopmentStorage=true"], "Storage:Container must be 3 to 63 lower-case letters" },
        { ["--Storage:Kind=Sqlite", "--Storage:Path=/etc/hostname/data"], "Storage:Path '/etc/hostname/data' cannot be used" },
    };

    [Theory]
    [MemberData(nameof(Unusable))]
    public async Task Unusable_storage_at_start_stops_the_host_with_one_line_naming_the_setting(string[] settings, string expected)
    {
        var (exit, output, error) = await StorageBackends.RunBotAsync(["--urls", "http://127.0.0.1:0", .. settings]);

        Assert.Equal(2, exit);
        var line = Assert.Single((output + error).Split('\n', StringSplitOptions.RemoveEmptyEntries));
        Assert.StartsWith("ChatBot cannot start: ", line);
        Assert.Contains(expected, line);
    }

    [Fact]
    public async Task A_wrong_account_key_is_reported_as_a_refused_connection_string()
    {
        var good = await Azurite.ConnectionStringAsync();
        var wrongKey = good.Replace(Azurite.AccountKey, Convert.ToBase64String(new byte[64]));

        var (exit, output, error) = await StorageBackends.RunBotAsync("--urls", "http://127.0.0.1:0", "--Storage:Kind=Blob", "--Storage:ConnectionString=" + wrongKey);

        Assert.Equal(2, exit);
        Assert.Contains("Storage:ConnectionString was refused by", Assert.Single((output + error).Split('\n', StringSplitOptions.RemoveEmptyEntries)));
    }

    /// <summary>Fails every write of a key that matches, as an unreachable store would.</summary>
    private sealed class FailingWrites(IStorage inner, Func<string, bool> fails) : IStorage
    {
        public Task<IDictionary<string, object>> ReadAsync(string[] keys, CancellationToken cancellationToken = default) => inner.ReadAsync(keys, cancellationToken);

        public Task WriteAsync(IDictionary<string, object> changes, CancellationToken cancellationToken = default) =>
            changes.Keys.Any(fails) ? throw new IOException("Simulated storage failure") : inner.WriteAsync(changes, cancellationToken);

        public Task DeleteAsync(string[] keys, CancellationToken cancellationToken = default) => inner.DeleteAsync(keys, cancellationToken);
    }

    [Fact]
    public async Task A_storage_failure_during_a_turn_gets_one_plain_sentence_and_leaves_nothing_half_written()
    {
        await using var channel = await TestChannel.StartAsync();
        await using var host = await BotTestHost.StartAsync(
            new Dictionary<string, string?> { ["Handoff:ConsoleChannelId"] = "test" },
            services: s =>
            {
                var original = s.Last(d => d.ServiceType == typeof(IStorage));
                s.Remove(original);
                s.AddSingleton<IStorage>(sp => new FailingWrites((IStorage)original.ImplementationFactory!(sp), key => key.StartsWith("handoff/record/")));
            });
        using var client = host.CreateClient();
        await client.PostActivityAsync(channel.Message("agent-dana", "available", userId: "coach:dana"));
        await channel.WaitForAsync("agent-dana", 1);

        // The handoff's record write fails half-way through the visitor's turn.
        (await client.PostActivityAsync(channel.Message("visitor-1", "Can I talk to a person?"))).EnsureSuccessStatusCode();

        var reply = Assert.Single(await channel.WaitForAsync("visitor-1", 1));
        Assert.Equal(AdapterWithErrorHandler.ErrorMessage, reply.Activity.Text);
        var storage = host.Services.GetRequiredService<IStorage>();
        // The visitor is not half-queued, and no half-run dialog was saved: the dialogs clear their stack when a step
        // fails, so the next message starts cleanly.
        Assert.Empty(await storage.ReadAsync([HandoffStore.RecordKey("test", "visitor-1")]));
        var state = await storage.ReadAsync(["test/conversations/visitor-1"]);
        // The conversation state is saved (the error handler's turn ends normally), with an empty dialog stack.
        var saved = Assert.Contains("test/conversations/visitor-1", state);
        var dialogState = ((IDictionary<string, object>)saved)["DialogState"];
        Assert.Empty(((ChatBot.Dialogs.DialogState)dialogState).DialogStack);
        // What can be left is the queue entry written before the record (docs/storage.md): a pointer at a record that is
        // not queued, which no coach is shown and the sweeper removes at its deadline.
        Assert.Empty(await host.Services.GetRequiredService<ChatBot.Handoff.Console.HandoffQueueView>().ListAsync());
    }
}
