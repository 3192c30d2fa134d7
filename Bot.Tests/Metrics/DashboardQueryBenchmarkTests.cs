using System.Diagnostics;
using ChatBot.Events;
using ChatBot.Handoff.Events;
using ChatBot.Metrics;
using ChatBot.Tests.Infrastructure;

namespace ChatBot.Tests.Metrics;

/// <summary>
/// The dashboard's query, a 30-day range read, on the demo month: the Blob event log returns exactly what the SQLite
/// one does, and the time of each (median of three reads) is printed for docs/storage.md.
/// </summary>
public class DashboardQueryBenchmarkTests
{
    [Fact]
    public async Task A_thirty_day_range_reads_the_same_events_from_blob_and_sqlite()
    {
        var lastDay = new DateOnly(2026, 11, 30);
        var events = DemoMonth.Generate(lastDay, 30, seed: 7);
        var from = new DateTimeOffset(lastDay.AddDays(-29).ToDateTime(TimeOnly.MinValue), TimeSpan.Zero);
        var to = from.AddDays(30);

        var sqliteFile = Path.Combine(Path.GetTempPath(), "chatbot-tests", Guid.NewGuid().ToString("N"), "events.db");
        var sqlite = new SqliteEventLog(sqliteFile);
        await sqlite.ReplaceAllAsync(events);
        var container = await Azurite.NewContainerAsync();
        var blob = new BlobEventLog(container);
        var write = Stopwatch.StartNew();
        await Parallel.ForEachAsync(events, new ParallelOptions { MaxDegreeOfParallelism = 16 }, async (e, ct) => await blob.RecordAsync(e, ct));
        write.Stop();

        var (sqliteRead, sqliteMs) = await TimeReadsAsync(sqlite, from, to);
        // A fresh log object: nothing cached from the writes.
        var (blobRead, blobMs) = await TimeReadsAsync(new BlobEventLog(container), from, to);

        Assert.True(events.Count > 100);
        // The month was appended to Blob 16 at a time, so events of one instant may come in another (append) order.
        Assert.Equal(sqliteRead.OrderBy(e => e.Id, StringComparer.Ordinal), blobRead.OrderBy(e => e.Id, StringComparer.Ordinal));
        Assert.Equal(sqliteRead.Select(e => e.Timestamp), blobRead.Select(e => e.Timestamp));
        Console.WriteLine($"30-day dashboard query, {sqliteRead.Count} events: SQLite {sqliteMs} ms, Blob (Azurite) {blobMs} ms (median of 3); " +
            $"writing the month to Blob took {write.ElapsedMilliseconds} ms (16 at a time)");
    }

    private static async Task<(List<OutcomeEvent> Events, long MedianMs)> TimeReadsAsync(IEventLog log, DateTimeOffset from, DateTimeOffset to)
    {
        var times = new List<long>();
        List<OutcomeEvent> read = [];
        for (var i = 0; i < 3; i++)
        {
            var timer = Stopwatch.StartNew();
            read = [];
            await foreach (var e in log.ReadAsync(from, to))
            {
                read.Add(e);
            }
            times.Add(timer.ElapsedMilliseconds);
        }
        times.Sort();
        return (read, times[1]);
    }
}
