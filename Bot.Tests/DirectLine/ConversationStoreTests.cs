using ChatBot.DirectLine;
using ChatBot.Storage;
using Microsoft.Extensions.Logging.Abstractions;
using Newtonsoft.Json.Linq;

namespace ChatBot.Tests.DirectLine;

/// <summary>The store across its chunk boundary and under concurrent appends (in memory, fast).</summary>
public class ConversationStoreTests
{
    private static ConversationStore NewStore() => new(new InMemoryStorage(), TimeProvider.System, NullLogger<ConversationStore>.Instance);

    [Fact]
    public void Conversation_ids_are_url_safe_unique_and_never_start_with_a_csv_formula_character()
    {
        var ids = Enumerable.Range(0, 5_000).Select(_ => ConversationStore.NewConversationId()).ToList();

        Assert.Equal(ids.Count, ids.Distinct().Count());
        Assert.All(ids, id => Assert.Matches("^[A-Za-z0-9][A-Za-z0-9_-]{23}$", id));
    }

    [Fact]
    public async Task Reads_from_any_watermark_across_sealed_pages_and_the_tail()
    {
        var store = NewStore();
        var conversation = await store.CreateAsync("visitor", null, default);
        const int total = ConversationStore.ChunkSize * 2 + 17;
        for (var i = 0; i < total; i++)
        {
            await store.AppendAsync(conversation.Id, (id, ts) => new JObject { ["id"] = id, ["text"] = $"n{i}", ["timestamp"] = ts }, default);
        }

        foreach (var (from, max) in new[] { (0, 13), (45, 13), (49, 3), (50, 50), (98, 7), (100, 100), (116, 5), (117, 5), (500, 5) })
        {
            var (activities, next) = (await store.ReadAsync(conversation.Id, from, max, default))!.Value;
            var expected = Enumerable.Range(from, Math.Max(0, Math.Min(max, total - from))).Select(i => $"n{i}").ToArray();
            Assert.Equal(expected, activities.Select(a => DirectLineTestClient.Parse(a).Value<string>("text")!).ToArray());
            Assert.Equal(Math.Min(total, from) + expected.Length, next);
        }
    }

    [Fact]
    public async Task Concurrent_appends_all_land_in_order_with_unique_ids_and_increasing_timestamps()
    {
        var store = NewStore();
        var conversation = await store.CreateAsync("visitor", null, default);

        await Task.WhenAll(Enumerable.Range(0, 120).Select(i => Task.Run(() =>
            store.AppendAsync(conversation.Id, (id, ts) => new JObject { ["id"] = id, ["text"] = $"n{i}", ["timestamp"] = ts }, default))));

        var (activities, next) = (await store.ReadAsync(conversation.Id, 0, 1000, default))!.Value;
        var parsed = activities.Select(DirectLineTestClient.Parse).ToList();
        Assert.Equal(120, next);
        Assert.Equal(120, parsed.Select(a => a.Value<string>("text")).Distinct().Count());
        Assert.Equal(Enumerable.Range(0, 120).Select(i => ConversationStore.ActivityId(conversation.Id, i)), parsed.Select(a => a.Value<string>("id")!));
        var times = parsed.Select(a => DateTimeOffset.Parse(a.Value<string>("timestamp")!)).ToList();
        Assert.True(times.Zip(times.Skip(1)).All(p => p.First < p.Second));
    }
}
