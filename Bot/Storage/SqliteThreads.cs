using System.Collections.Concurrent;

namespace ChatBot.Storage;

/// <summary>
/// Where every SQLite statement of the bot runs: each database file has a writer thread and a reader thread of its
/// own in this process, and callers await the result. Why:
/// - Microsoft.Data.Sqlite has no asynchronous I/O (its *Async methods run synchronously), so a statement, a commit
///   (and the WAL checkpoint a commit sometimes runs, which syncs the file to disk) would otherwise block a
///   thread-pool thread that serves requests.
/// - SQLite lets one connection write at a time, and the driver answers a busy database by sleeping 150 ms on the
///   calling thread (SqliteDataReader.NextResult: Thread.Sleep(150)). With 50 concurrent conversations that sleep
///   was half of all thread time (docs/performance.md). One writer thread per file means this process's writes
///   queue (FIFO) and never meet a busy database; several processes on one file still work, through that retry.
/// A lane's thread ends after a while with nothing to do (tests open hundreds of files) and starts again on demand.
/// </summary>
public static class SqliteThreads
{
    internal static TimeSpan IdleTimeout { get; set; } = TimeSpan.FromSeconds(30);
    private static readonly ConcurrentDictionary<(string File, bool Write), Lane> Lanes = new();

    /// <summary>Runs <paramref name="work"/> on the file's writer thread, after the writes queued before it.</summary>
    public static Task<T> WriteAsync<T>(string databaseFile, Func<T> work, CancellationToken cancellationToken = default) =>
        RunAsync((Path.GetFullPath(databaseFile), true), work, cancellationToken);

    public static Task WriteAsync(string databaseFile, Action work, CancellationToken cancellationToken = default) =>
        WriteAsync(databaseFile, () => { work(); return true; }, cancellationToken);

    /// <summary>Runs <paramref name="work"/> on the file's reader thread (WAL: reads do not wait for the writer).</summary>
    public static Task<T> ReadAsync<T>(string databaseFile, Func<T> work, CancellationToken cancellationToken = default) =>
        RunAsync((Path.GetFullPath(databaseFile), false), work, cancellationToken);

    /// <summary>How many lanes have a thread now (tests).</summary>
    internal static int LiveLanes(string databaseFile) => Lanes.Keys.Count(k => k.File == Path.GetFullPath(databaseFile));

    private static Task<T> RunAsync<T>((string File, bool Write) key, Func<T> work, CancellationToken cancellationToken)
    {
        if (cancellationToken.IsCancellationRequested)
        {
            return Task.FromCanceled<T>(cancellationToken);
        }
        // Continuations run on the thread pool, never on the lane's thread (which would then run the caller's turn).
        var done = new TaskCompletionSource<T>(TaskCreationOptions.RunContinuationsAsynchronously);
        void Item()
        {
            if (cancellationToken.IsCancellationRequested)
            {
                done.TrySetCanceled(cancellationToken);
                return;
            }
            try
            {
                done.TrySetResult(work());
            }
            catch (Exception e)
            {
                done.TrySetException(e);
            }
        }
        // A lane that has just stopped for idleness refuses the item: take the new one.
        while (!Lanes.GetOrAdd(key, k => new Lane(k)).TryPost(Item))
        {
        }
        return done.Task;
    }

    private sealed class Lane((string File, bool Write) key)
    {
        private readonly BlockingCollection<Action> _queue = new();
        private bool _started;
        private bool _stopped;

        public bool TryPost(Action item)
        {
            lock (_queue)
            {
                if (_stopped)
                {
                    return false;
                }
                _queue.Add(item);
                if (!_started)
                {
                    _started = true;
                    new Thread(Run) { IsBackground = true, Name = $"SQLite {(key.Write ? "writer" : "reader")} {Path.GetFileName(key.File)}" }.Start();
                }
                return true;
            }
        }

        private void Run()
        {
            while (true)
            {
                if (_queue.TryTake(out var item, IdleTimeout))
                {
                    item(); // never throws: the item completes its caller's task
                    continue;
                }
                lock (_queue)
                {
                    if (_queue.Count == 0)
                    {
                        _stopped = true;
                        Lanes.TryRemove(new KeyValuePair<(string, bool), Lane>(key, this));
                        return;
                    }
                }
            }
        }
    }
}
