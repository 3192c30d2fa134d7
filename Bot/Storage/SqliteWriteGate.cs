using System.Collections.Concurrent;

namespace ChatBot.Storage;

/// <summary>
/// One writer at a time per SQLite file in this process, waited for asynchronously.
/// Why: SQLite lets one connection write at a time, and Microsoft.Data.Sqlite answers a busy database by sleeping
/// 150 ms on the calling thread before it retries (SqliteDataReader.NextResult: Thread.Sleep(150)). With 50
/// concurrent conversations writing state, events and transcripts, half of all thread time was in that sleep (the
/// benchmark's profile, docs/performance.md): p99 turn latency over 500 ms and throughput capped below one core.
/// Writers of this process now queue here instead (FIFO, no thread blocked) and never meet a busy database; a write
/// itself takes tens of microseconds (WAL, synchronous = NORMAL: no fsync per commit). Several processes on one
/// file still work as before: the driver's busy retry handles them.
/// </summary>
public static class SqliteWriteGate
{
    private static readonly ConcurrentDictionary<string, SemaphoreSlim> Gates = new(StringComparer.Ordinal);

    /// <summary>Waits for the file's turn to write; dispose the result to let the next writer in.</summary>
    public static async Task<IDisposable> EnterAsync(string databaseFile, CancellationToken cancellationToken = default)
    {
        var gate = Gates.GetOrAdd(Path.GetFullPath(databaseFile), _ => new SemaphoreSlim(1, 1));
        await gate.WaitAsync(cancellationToken).ConfigureAwait(false);
        return new Release(gate);
    }

    private sealed class Release(SemaphoreSlim gate) : IDisposable
    {
        private int _released;

        public void Dispose()
        {
            if (Interlocked.Exchange(ref _released, 1) == 0)
            {
                gate.Release();
            }
        }
    }
}
