using ChatBot.Handoff.Events;

namespace ChatBot.Tests.Metrics;

/// <summary>
/// The <see cref="IEventLog"/> contract, run against every implementation (subclass it for a new one:
/// a durable log also overrides <see cref="Reopen"/>).
/// </summary>
public abstract class EventLogContractTests
{
    protected static readonly DateTimeOffset T0 = new(2026, 11, 2, 9, 0, 0, TimeSpan.Zero);

    protected abstract IEventLog Create();

    /// <summary>A new instance on the same store; null when the log does not survive (memory).</summary>
    protected virtual IEventLog? Reopen() => null;

    protected static OutcomeEvent Event(string name, double seconds, string conversation = "c1", string? visitor = "v1") => new()
    {
        Name = name,
        Timestamp = T0.AddSeconds(seconds),
        ConversationId = conversation,
        VisitorId = visitor,
    };

    protected static async Task<List<OutcomeEvent>> ReadAll(IEventLog log, DateTimeOffset from, DateTimeOffset to)
    {
        var list = new List<OutcomeEvent>();
        await foreach (var e in log.ReadAsync(from, to))
        {
            list.Add(e);
        }
        return list;
    }

    [Fact]
    public async Task Appended_events_read_back_with_every_field()
    {
        var log = Create();
        var full = new OutcomeEvent
        {
            Name = OutcomeEventNames.HandoffFirstReply,
            Timestamp = T0.AddTicks(1234567),
            ConversationId = "c1",
            VisitorId = "v1",
            Channel = "webchat",
            Team = "sales",
            VisitorType = "prospect",
            Intent = "pricing",
            FaqEntryId = "faq-1",
            Score = 0.75,
            Qualified = true,
            Route = "sales",
            CoachId = "ana",
            DurationMs = 12_000,
            Outcome = "qualified",
            Positive = true,
            CoachHandled = true,
            Question = "Ünïcode, \"quotes\", and\nnew lines?",
        };

        await log.RecordAsync(full);
        var read = Assert.Single(await ReadAll(log, T0, T0.AddMinutes(1)));

        Assert.Equal(full, read);
        Assert.Equal(OutcomeEvent.CurrentSchemaVersion, read.SchemaVersion);
    }

    [Fact]
    public async Task Range_read_is_half_open_and_in_time_order()
    {
        var log = Create();
        // Appended out of time order, two at the same instant.
        await log.RecordAsync(Event("e.30", 30));
        await log.RecordAsync(Event("e.0", 0));
        await log.RecordAsync(Event("e.10a", 10));
        await log.RecordAsync(Event("e.10b", 10));
        await log.RecordAsync(Event("e.20", 20));
        await log.RecordAsync(Event("e.-1", -1));

        var read = await ReadAll(log, T0, T0.AddSeconds(30));

        // From included, to excluded; equal timestamps keep their append order.
        Assert.Equal(["e.0", "e.10a", "e.10b", "e.20"], read.Select(e => e.Name));
    }

    [Fact]
    public async Task Appending_the_same_id_twice_stores_it_once()
    {
        var log = Create();
        var e = Event("once", 1);

        await log.RecordAsync(e);
        await log.RecordAsync(e);

        Assert.Single(await ReadAll(log, T0, T0.AddMinutes(1)));
    }

    [Fact]
    public async Task Timestamps_with_offsets_are_compared_as_instants()
    {
        var log = Create();
        // 10:00 at +01:00 is 09:00 UTC.
        await log.RecordAsync(Event("offset", 0) with { Timestamp = new DateTimeOffset(2026, 11, 2, 10, 0, 0, TimeSpan.FromHours(1)) });

        Assert.Single(await ReadAll(log, T0, T0.AddSeconds(1)));
        Assert.Empty(await ReadAll(log, T0.AddSeconds(1), T0.AddHours(2)));
    }

    [Fact]
    public async Task Deleting_a_visitor_removes_their_events_and_their_conversations_and_nothing_else()
    {
        var log = Create();
        await log.RecordAsync(Event("v1.a", 1, "c1", "v1"));
        await log.RecordAsync(Event("coach.note", 2, "c1", visitor: null));
        await log.RecordAsync(Event("v1.b", 3, "c3", "v1"));
        await log.RecordAsync(Event("v2.a", 4, "c2", "v2"));
        await log.RecordAsync(Event("other.note", 5, "c9", visitor: null));

        var removed = await log.DeleteVisitorAsync("v1");

        Assert.Equal(3, removed);
        Assert.Equal(["v2.a", "other.note"], (await ReadAll(log, T0, T0.AddMinutes(1))).Select(e => e.Name));
        Assert.Equal(0, await log.DeleteVisitorAsync("v1"));
    }

    [Fact]
    public async Task Events_survive_reopening_the_store()
    {
        var log = Create();
        await log.RecordAsync(Event("kept", 1));
        var reopened = Reopen();
        if (reopened == null)
        {
            Assert.IsType<ChatBot.Events.InMemoryEventLog>(log);
            return;
        }

        Assert.Equal(["kept"], (await ReadAll(reopened, T0, T0.AddMinutes(1))).Select(e => e.Name));
    }
}

public sealed class InMemoryEventLogTests : EventLogContractTests
{
    protected override IEventLog Create() => new ChatBot.Events.InMemoryEventLog();
}

public sealed class SqliteEventLogTests : EventLogContractTests, IDisposable
{
    private readonly string _folder = Path.Combine(Path.GetTempPath(), "chatbot-tests", "events-" + Guid.NewGuid().ToString("N"));

    private string File => Path.Combine(_folder, "events.db");

    protected override IEventLog Create() => new ChatBot.Events.SqliteEventLog(File);

    protected override IEventLog? Reopen()
    {
        Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
        return new ChatBot.Events.SqliteEventLog(File);
    }

    [Fact]
    public async Task ReplaceAll_swaps_the_whole_content()
    {
        var log = new ChatBot.Events.SqliteEventLog(File);
        await log.RecordAsync(Event("old", 1));

        await log.ReplaceAllAsync([Event("new.a", 2), Event("new.b", 3)]);

        Assert.Equal(["new.a", "new.b"], (await ReadAll(log, T0, T0.AddMinutes(1))).Select(e => e.Name));
    }

    [Fact]
    public async Task A_range_longer_than_a_page_reads_every_event_once_in_order_even_where_pages_split_a_timestamp()
    {
        var log = new ChatBot.Events.SqliteEventLog(File);
        var page = ChatBot.Events.SqliteEventLog.ReadPage;
        // Three events share each second, so page boundaries fall inside a timestamp; one before the range.
        var events = Enumerable.Range(0, page * 2 + 7).Select(i => Event($"e.{i:D5}", 1 + i / 3)).ToList();
        await log.ReplaceAllAsync([Event("before", 0), .. events]);

        var read = await ReadAll(log, T0.AddSeconds(1), T0.AddDays(1));

        Assert.Equal(events.Select(e => e.Name), read.Select(e => e.Name));
    }

    public void Dispose()
    {
        Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
        try { Directory.Delete(_folder, recursive: true); } catch (IOException) { }
    }
}

public sealed class BlobEventLogTests : EventLogContractTests, IAsyncLifetime
{
    private Azure.Storage.Blobs.BlobContainerClient _container = null!;

    public async Task InitializeAsync() => _container = await ChatBot.Tests.Infrastructure.Azurite.NewContainerAsync();

    public Task DisposeAsync() => _container.DeleteIfExistsAsync();

    protected override IEventLog Create() => new ChatBot.Events.BlobEventLog(_container);

    protected override IEventLog? Reopen() => new ChatBot.Events.BlobEventLog(_container);

    [Fact]
    public async Task Events_are_one_blob_each_under_their_day_with_the_event_in_the_metadata()
    {
        var log = Create();
        await log.RecordAsync(Event("named", 1) with { Id = "id/with?odd#chars" });

        var blob = Assert.Single(await ToListAsync(_container.GetBlobsAsync(new Azure.Storage.Blobs.Models.GetBlobsOptions { Traits = Azure.Storage.Blobs.Models.BlobTraits.Metadata })));
        Assert.Matches(@"^events/2026-11-02/\d{19}-\d{19}-id~2Fwith~3Fodd~23chars$", blob.Name);
        Assert.True(blob.Metadata.ContainsKey("e"));
    }

    [Fact]
    public async Task An_event_too_big_for_metadata_is_read_from_its_content()
    {
        var log = Create();
        var question = new string('q', 20_000);
        await log.RecordAsync(Event("big", 1) with { Question = question });

        Assert.Equal(question, Assert.Single(await ReadAll(Reopen()!, T0, T0.AddMinutes(1))).Question);
    }

    [Fact]
    public async Task The_same_id_appended_by_two_instances_is_read_once()
    {
        var e = Event("twice", 1);
        await Create().RecordAsync(e);
        await Reopen()!.RecordAsync(e with { });

        Assert.Single(await ReadAll(Create(), T0, T0.AddMinutes(1)));
        Assert.Equal(1, await Create().DeleteVisitorAsync("v1"));
        Assert.Empty(await ReadAll(Create(), T0, T0.AddMinutes(1)));
    }

    [Fact]
    public async Task Reading_everything_lists_only_the_days_that_exist()
    {
        var log = Create();
        await log.RecordAsync(Event("old", -86_400 * 400));
        await log.RecordAsync(Event("new", 5));

        Assert.Equal(["old", "new"], (await ReadAll(log, DateTimeOffset.MinValue, DateTimeOffset.MaxValue)).Select(e => e.Name));
    }

    private static async Task<List<T>> ToListAsync<T>(IAsyncEnumerable<T> items)
    {
        var list = new List<T>();
        await foreach (var item in items)
        {
            list.Add(item);
        }
        return list;
    }
}
