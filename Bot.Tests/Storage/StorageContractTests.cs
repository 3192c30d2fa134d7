using System.Diagnostics;
using ChatBot.Handoff.Storage;
using ChatBot.Storage;
using ChatBot.Tests.Infrastructure;
using Microsoft.Bot.Builder;

namespace ChatBot.Tests.Storage;

/// <summary>
/// The <see cref="IStorage"/> contract every ChatBot back end honours, written once and run against Memory, SQLite and
/// Blob (Azurite): the SDK's optimistic concurrency (a stale ETag fails with <see cref="ETagConflictException"/>, "*"
/// or no ETag overwrites), create-only writes, missing keys, deletes, any key, large items, racing writers.
/// </summary>
public abstract class StorageContractTests
{
    /// <summary>A store; a durable back end returns a new object on the same data each time it is asked again.</summary>
    protected abstract Task<IStorage> CreateAsync();

    /// <summary>SQLite and memory write a batch in one transaction; Blob writes item by item.</summary>
    protected abstract bool AtomicBatches { get; }

    public sealed class Note : IStoreItem
    {
        public string? ETag { get; set; }
        public string Text { get; set; } = "";
        public int Count { get; set; }
    }

    private static async Task<T?> ReadOne<T>(IStorage storage, string key) where T : class
    {
        var items = await storage.ReadAsync([key]);
        return items.TryGetValue(key, out var value) ? (T)value : null;
    }

    private static Task Write(IStorage storage, string key, object value) =>
        storage.WriteAsync(new Dictionary<string, object> { [key] = value });

    [Fact]
    public async Task Missing_keys_are_absent_from_the_result()
    {
        var storage = await CreateAsync();
        await Write(storage, "present", new Note { Text = "here" });

        var items = await storage.ReadAsync(["present", "missing", "also/missing"]);

        Assert.Equal(["present"], items.Keys);
        Assert.Empty(await storage.ReadAsync([]));
    }

    [Fact]
    public async Task Items_and_plain_state_read_back_as_the_types_written()
    {
        var storage = await CreateAsync();
        var state = new Dictionary<string, object> { ["welcomed"] = true, ["note"] = new Note { Text = "inside state", Count = 3 } };
        await storage.WriteAsync(new Dictionary<string, object> { ["item"] = new Note { Text = "ünïcode \"quoted\"\n", Count = 7 }, ["state"] = state });

        var reopened = await CreateAsync();
        var items = await reopened.ReadAsync(["item", "state"]);

        var note = Assert.IsType<Note>(items["item"]);
        Assert.Equal(("ünïcode \"quoted\"\n", 7), (note.Text, note.Count));
        Assert.False(string.IsNullOrEmpty(note.ETag));
        var readState = Assert.IsAssignableFrom<IDictionary<string, object>>(items["state"]);
        Assert.Equal(true, readState["welcomed"]);
        Assert.Equal(3, Assert.IsType<Note>(readState["note"]).Count);
    }

    [Fact]
    public async Task A_write_gives_the_item_its_new_etag_and_a_stale_etag_fails()
    {
        var storage = await CreateAsync();
        var first = new Note { Text = "v1" };
        await Write(storage, "k", first);
        var etag1 = first.ETag;
        Assert.False(string.IsNullOrEmpty(etag1));
        Assert.Equal(etag1, (await ReadOne<Note>(storage, "k"))!.ETag);

        var second = new Note { Text = "v2", ETag = etag1 };
        await Write(storage, "k", second);
        Assert.NotEqual(etag1, second.ETag);

        var stale = new Note { Text = "stale", ETag = etag1 };
        var conflict = await Assert.ThrowsAsync<ETagConflictException>(() => Write(storage, "k", stale));
        Assert.Equal("k", conflict.Key);
        Assert.Equal("v2", (await ReadOne<Note>(storage, "k"))!.Text);
        Assert.Equal(etag1, stale.ETag);
    }

    [Theory]
    [InlineData("*")]
    [InlineData(null)]
    [InlineData("")]
    public async Task Star_or_no_etag_overwrites(string? etag)
    {
        var storage = await CreateAsync();
        await Write(storage, "k", new Note { Text = "old" });

        await Write(storage, "k", new Note { Text = "new", ETag = etag });

        Assert.Equal("new", (await ReadOne<Note>(storage, "k"))!.Text);
    }

    [Fact]
    public async Task An_etag_for_a_key_that_does_not_exist_is_a_conflict()
    {
        var storage = await CreateAsync();
        var existing = new Note { Text = "x" };
        await Write(storage, "elsewhere", existing);

        await Assert.ThrowsAsync<ETagConflictException>(() => Write(storage, "never-written", new Note { ETag = existing.ETag }));
        Assert.Null(await ReadOne<Note>(storage, "never-written"));
    }

    [Fact]
    public async Task Create_only_writes_when_the_key_is_empty()
    {
        var storage = await CreateAsync();
        var created = new Note { Text = "first", ETag = StoreETags.New };
        await Write(storage, "k", created);
        Assert.NotEqual(StoreETags.New, created.ETag);

        await Assert.ThrowsAsync<ETagConflictException>(() => Write(storage, "k", new Note { Text = "second", ETag = StoreETags.New }));
        Assert.Equal("first", (await ReadOne<Note>(storage, "k"))!.Text);
    }

    [Fact]
    public async Task Deleted_items_are_gone_and_deleting_nothing_is_fine()
    {
        var storage = await CreateAsync();
        var note = new Note { Text = "x" };
        await Write(storage, "a", note);
        await Write(storage, "b", new Note());

        await storage.DeleteAsync(["a", "never-there"]);

        Assert.Equal(["b"], (await storage.ReadAsync(["a", "b"])).Keys);
        await Assert.ThrowsAsync<ETagConflictException>(() => Write(storage, "a", new Note { ETag = note.ETag }));
        await storage.DeleteAsync(["a"]);
    }

    public static TheoryData<string> OddKeys => new()
    {
        "plain",
        "a/b/c",
        "/leading",
        "trailing/",
        "double//slash",
        @"back\slash",
        "question?mark",
        "hash#tag",
        "percent%2Fencoded",
        "tilde~2F",
        "dots/../..",
        ".",
        "ends with a dot.",
        "spaces and\ttabs\nand new lines",
        "ünïcödé/中文/עברית/😀",
        "quote\"apostrophe'<angle>&amp;",
        new string('x', 1100),
        new string('é', 700) + "/" + new string('/', 300),
        string.Concat(Enumerable.Repeat("ab/", 300)),
        "directline/conversation/" + new string('z', 5000),
    };

    [Theory]
    [MemberData(nameof(OddKeys))]
    public async Task Any_key_is_stored_under_its_own_name(string key)
    {
        var storage = await CreateAsync();
        await Write(storage, key, new Note { Text = key });
        // Neighbours that a lossy escaping would confuse with it.
        foreach (var other in new[] { key + "x", key.Replace('/', '\\'), key.ToUpperInvariant(), key + "/" })
        {
            if (other != key)
            {
                await Write(storage, other, new Note { Text = other });
            }
        }

        var read = await ReadOne<Note>(await CreateAsync(), key);

        Assert.Equal(key, read!.Text);
        await storage.DeleteAsync([key]);
        Assert.Null(await ReadOne<Note>(storage, key));
        Assert.Equal(key + "x", (await ReadOne<Note>(storage, key + "x"))!.Text);
    }

    [Fact]
    public async Task Empty_keys_and_null_values_are_refused()
    {
        var storage = await CreateAsync();
        await Assert.ThrowsAsync<ArgumentException>(() => storage.ReadAsync([""]));
        await Assert.ThrowsAsync<ArgumentException>(() => Write(storage, "", new Note()));
        await Assert.ThrowsAnyAsync<ArgumentException>(() => storage.WriteAsync(new Dictionary<string, object> { ["k"] = null! }));
    }

    [Fact]
    public async Task A_large_item_round_trips()
    {
        var storage = await CreateAsync();
        var text = string.Concat(Enumerable.Range(0, 200_000).Select(i => (char)('a' + i % 26))) + "ü😀";
        var timer = Stopwatch.StartNew();
        await Write(storage, "large", new Note { Text = text });
        var read = await ReadOne<Note>(await CreateAsync(), "large");
        Console.WriteLine($"{GetType().Name}: 200 KB item written and read in {timer.ElapsedMilliseconds} ms");

        Assert.Equal(text, read!.Text);
    }

    [Fact]
    public async Task Racing_writers_with_the_same_etag_exactly_one_wins_each_round()
    {
        var storage = await CreateAsync();
        const int writers = 8, rounds = 12;
        await Write(storage, "race", new Note());
        for (var round = 1; round <= rounds; round++)
        {
            var etag = (await ReadOne<Note>(storage, "race"))!.ETag;
            using var go = new ManualResetEventSlim();
            var attempts = Enumerable.Range(0, writers).Select(w => Task.Run(async () =>
            {
                go.Wait();
                try
                {
                    await Write(storage, "race", new Note { Text = $"round {round} writer {w}", ETag = etag, Count = round });
                    return true;
                }
                catch (ETagConflictException)
                {
                    return false;
                }
            })).ToList();
            go.Set();
            var won = (await Task.WhenAll(attempts)).Count(ok => ok);

            Assert.Equal(1, won);
            Assert.Equal(round, (await ReadOne<Note>(storage, "race"))!.Count);
        }
    }

    [Fact]
    public async Task Read_modify_write_loops_lose_no_update()
    {
        var storage = await CreateAsync();
        const int writers = 6, increments = 8;
        await Write(storage, "counter", new Note());
        await Task.WhenAll(Enumerable.Range(0, writers).Select(_ => Task.Run(async () =>
        {
            for (var i = 0; i < increments; i++)
            {
                while (true)
                {
                    var note = (await ReadOne<Note>(storage, "counter"))!;
                    note.Count++;
                    try
                    {
                        await Write(storage, "counter", note);
                        break;
                    }
                    catch (ETagConflictException)
                    {
                        await Task.Delay(Random.Shared.Next(0, 5));
                    }
                }
            }
        })));

        Assert.Equal(writers * increments, (await ReadOne<Note>(storage, "counter"))!.Count);
    }

    [Fact]
    public async Task A_conflict_in_a_batch_stops_it_as_documented()
    {
        var storage = await CreateAsync();
        var existing = new Note { Text = "v1" };
        await Write(storage, "b", existing);
        await Write(storage, "b", new Note { Text = "v2" });

        await Assert.ThrowsAsync<ETagConflictException>(() => storage.WriteAsync(new Dictionary<string, object>
        {
            ["a"] = new Note { Text = "first in the batch" },
            ["b"] = new Note { Text = "stale", ETag = existing.ETag },
            ["c"] = new Note { Text = "after the conflict" },
        }));

        var items = await storage.ReadAsync(["a", "b", "c"]);
        // Atomic back ends write nothing; Blob has written the items before the conflict, none after it.
        Assert.Equal(AtomicBatches ? ["b"] : ["a", "b"], items.Keys.Order());
        Assert.Equal("v2", ((Note)items["b"]).Text);
    }
}

public sealed class InMemoryStorageContractTests : StorageContractTests
{
    private readonly InMemoryStorage _storage = new();

    protected override bool AtomicBatches => true;

    protected override Task<IStorage> CreateAsync() => Task.FromResult<IStorage>(_storage);
}

public sealed class SqliteStorageContractTests : StorageContractTests, IDisposable
{
    private readonly string _folder = Path.Combine(Path.GetTempPath(), "chatbot-tests", "storage-" + Guid.NewGuid().ToString("N"));

    protected override bool AtomicBatches => true;

    protected override Task<IStorage> CreateAsync() => Task.FromResult<IStorage>(new SqliteStorage(Path.Combine(_folder, "chatbot.db")));

    public void Dispose()
    {
        Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
        try { Directory.Delete(_folder, recursive: true); } catch (IOException) { }
    }
}

public sealed class BlobStorageContractTests : StorageContractTests
{
    private Azure.Storage.Blobs.BlobContainerClient? _container;

    protected override bool AtomicBatches => false;

    protected override async Task<IStorage> CreateAsync()
    {
        _container ??= await Azurite.NewContainerAsync();
        return new BlobStorage(_container);
    }
}
