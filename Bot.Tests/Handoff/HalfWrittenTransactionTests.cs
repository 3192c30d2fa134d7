using ChatBot.Handoff.Storage;
using ChatBot.Storage;
using ChatBot.Tests.Infrastructure;

namespace ChatBot.Tests.Handoff;

/// <summary>
/// On Blob Storage a multi-item write is not atomic: items go one by one, and a crash or a failed write can stop it
/// half-way. Every handoff transaction is run here on a storage that writes item by item and stops before the
/// first, second, third... item; after each stop the handoff invariants hold (a queued record has its queue entry,
/// a connected record its coach's pointer: no visitor is lost) and the handoff carries on. And the accept race, with
/// slow item-by-item writes, and on real Blob Storage, still has exactly one winner.
/// </summary>
public class HalfWrittenTransactionTests
{
    private static readonly string[] Visitors = ["v1", "v2"];

    public sealed record Scenario(string Name, Func<HandoffHarness, Task> Setup, Func<HandoffHarness, Task> Act);

    private static async Task Queued(HandoffHarness h)
    {
        await h.CoachHello("dana");
        await h.CoachHello("dave");
        await h.CoachHello("sam");
        await h.VisitorSays("v1", "talk to sales");
    }

    private static async Task Connected(HandoffHarness h)
    {
        await Queued(h);
        await h.CoachSays("dana", "accept next");
    }

    public static TheoryData<string> Scenarios => new(All.Select(s => s.Name));

    private static readonly Scenario[] All =
    [
        new("request", async h => { await h.CoachHello("dana"); await h.VisitorSays("v2", "talk to sales"); }, h => h.VisitorSays("v1", "talk to sales")),
        new("accept", Queued, h => h.CoachSays("dana", "accept next")),
        new("end", Connected, h => h.CoachSays("dana", "end resolved")),
        new("transfer to a team", Connected, h => h.CoachSays("dana", "transfer support")),
        new("transfer to a coach", Connected, h => h.CoachSays("dana", "transfer dave")),
        new("requeue after a failed relay", async h => { await Connected(h); h.Adapter.MakeGone("agent-dana"); }, h => h.VisitorSays("v1", "are you there?")),
        new("abandon", Queued, h => h.VisitorSays("v1", "never mind")),
        new("timeout", Queued, async h => { h.Clock.Advance(TimeSpan.FromSeconds(61)); await h.SweepAsync(); }),
    ];

    [Theory]
    [MemberData(nameof(Scenarios))]
    public async Task A_stop_before_any_item_of_the_transaction_loses_no_visitor(string name)
    {
        var scenario = All.Single(s => s.Name == name);
        // A dry run counts the item writes the step makes.
        var dry = new ItemByItemStorage(new InMemoryStorage());
        int total;
        await using (var h = new HandoffHarness(dry))
        {
            await scenario.Setup(h);
            var before = dry.ItemWrites;
            await scenario.Act(h);
            total = dry.ItemWrites - before;
        }
        Assert.True(total >= 1, $"{name} wrote nothing");

        for (var stopAt = 1; stopAt <= total; stopAt++)
        {
            var storage = new ItemByItemStorage(new InMemoryStorage());
            await using var h = new HandoffHarness(storage);
            await scenario.Setup(h);
            var armed = storage.ItemWrites + stopAt;
            storage.BeforeItem = (n, key) => n == armed ? throw new SimulatedCrashException(key) : Task.CompletedTask;
            try
            {
                await scenario.Act(h);
            }
            catch (SimulatedCrashException)
            {
                // The turn died half-way, as the process would.
            }
            storage.BeforeItem = null;

            await AssertNoVisitorLostAsync(h, $"{name}, stopped before item {stopAt} of {total}");

            // And the handoff carries on: later steps and the sweeper work from whatever was left.
            h.Clock.Advance(TimeSpan.FromMinutes(2));
            await h.CoachSays("dave", "accept next");
            await h.CoachSays("dave", "end resolved");
            await h.SweepAsync();
            await AssertNoVisitorLostAsync(h, $"{name}, stopped before item {stopAt}, after carrying on");
            var index = await h.Store.GetQueueAsync();
            foreach (var entry in index.Entries)
            {
                var record = await h.Store.GetAsync<HandoffRecord>(HandoffStore.RecordKey(entry.ChannelId, entry.ConversationId));
                Assert.True(record is { State: HandoffState.Queued } && record.RequestId == entry.RequestId,
                    $"{name}, stop {stopAt}: the sweeper left a stale entry #{entry.Ticket}");
            }
        }
    }

    /// <summary>The invariants: a queued record has its queue entry; a connected record is its coach's active chat.</summary>
    public static async Task AssertNoVisitorLostAsync(HandoffHarness h, string when)
    {
        var index = await h.Store.GetQueueAsync();
        foreach (var visitor in Visitors)
        {
            var record = await h.Record(visitor);
            if (record is { State: HandoffState.Queued })
            {
                Assert.True(index.Entries.Any(e => e.Ticket == record.Ticket && e.RequestId == record.RequestId),
                    $"{when}: {visitor} is queued (#{record.Ticket}) but not in the queue index");
            }
            if (record is { State: HandoffState.Connected, External: false })
            {
                var coach = await h.Store.GetAsync<CoachRecord>(HandoffStore.CoachKey(record.CoachId!));
                Assert.True(coach?.ActiveRecordKey == HandoffStore.RecordKey(HandoffHarness.Channel, visitor),
                    $"{when}: {visitor} is connected to {record.CoachId}, whose console does not point at the chat");
            }
        }
    }

    [Fact]
    public async Task A_coach_whose_accept_stopped_half_way_can_accept_again_at_once()
    {
        var storage = new ItemByItemStorage(new InMemoryStorage());
        await using var h = new HandoffHarness(storage);
        await Queued(h);
        var armed = storage.ItemWrites + 2;
        storage.BeforeItem = (n, key) => n == armed ? throw new SimulatedCrashException(key) : Task.CompletedTask;
        await Assert.ThrowsAsync<SimulatedCrashException>(() => h.CoachSays("dana", "accept next"));
        storage.BeforeItem = null;
        Assert.Equal(HandoffState.Queued, (await h.Record("v1"))!.State);

        await h.CoachSays("dana", "accept next");

        Assert.Equal(("dana", HandoffState.Connected), ((await h.Record("v1"))!.CoachId, (await h.Record("v1"))!.State));
        await AssertNoVisitorLostAsync(h, "after the second accept");
    }

    [Fact]
    public async Task A_stale_pointer_does_not_keep_a_coach_busy_once_its_lease_is_over()
    {
        await using var h = new HandoffHarness(new InMemoryStorage());
        await Queued(h);
        await h.VisitorSays("v2", "talk to sales");
        // As if an accept of v2 had stopped right after writing dana's pointer, long ago.
        var danaKey = HandoffStore.CoachKey("dana");
        var dana = (await h.Store.GetAsync<CoachRecord>(danaKey))!;
        dana.PointAt(HandoffStore.RecordKey(HandoffHarness.Channel, "v2"), 2, h.Clock.GetUtcNow());
        await h.Storage.WriteAsync(new Dictionary<string, object> { [danaKey] = dana });

        await h.CoachSays("dana", "accept 1");
        Assert.Equal("You're already in chat #2. End or transfer it first.", h.CoachSaw("dana").Last());

        h.Clock.Advance(CoachRecord.PointerLease);
        await h.CoachSays("dana", "accept 1");
        Assert.Equal("dana", (await h.Record("v1"))!.CoachId);
        await AssertNoVisitorLostAsync(h, "after the accept");
    }

    [Fact]
    public Task The_accept_race_has_one_winner_when_items_are_written_one_by_one_slowly()
    {
        var storage = new ItemByItemStorage(new InMemoryStorage())
        {
            BeforeItem = (_, _) => Task.Delay(Random.Shared.Next(0, 4)),
        };
        return AcceptRaceTests.RaceAsync(storage, rounds: 12);
    }

    [Fact]
    public async Task The_accept_race_has_one_winner_on_blob_storage()
    {
        var container = await Azurite.NewContainerAsync();
        await AcceptRaceTests.RaceAsync(new BlobStorage(container), rounds: 10);
    }

    [Fact]
    public async Task An_accept_whose_queue_clean_up_is_overtaken_by_a_transfer_on_another_instance_loses_no_visitor()
    {
        var storage = new ItemByItemStorage(new InMemoryStorage());
        await using var a = new HandoffHarness(storage);
        await using var b = a.OtherInstance();
        await a.CoachHello("dana");
        await a.CoachHello("sam");
        await a.VisitorSays("v1", "talk to sales");

        var held = new TaskCompletionSource();
        var release = new TaskCompletionSource();
        var armed = 1;
        storage.BeforeItem = async (_, key) =>
        {
            if (key == HandoffStore.QueueKey && Interlocked.Exchange(ref armed, 0) == 1)
            {
                held.SetResult();
                await release.Task;
            }
        };
        // Instance A: the accept has written the coach's pointer and the record (connected) and stops before its
        // queue clean-up.
        var accept = a.CoachSays("dana", "accept next");
        await held.Task;
        // Instance B: the coach's next message, a transfer to support, puts the same ticket back in the queue.
        await b.CoachSays("dana", "transfer support");
        release.SetResult();
        await accept;

        var record = (await a.Record("v1"))!;
        Assert.Equal((HandoffState.Queued, "support"), (record.State, record.Team));
        Assert.Contains((await a.Store.GetQueueAsync()).Entries, e => e.Ticket == record.Ticket && e.Team == "support");
    }
}
