using ChatBot.Storage;

namespace ChatBot.Tests.Storage;

/// <summary>SQLite statements run on the file's own threads, never on the caller's; writes of one file one at a time, in order.</summary>
public class SqliteThreadsTests
{
    private static string NewFile() => Path.Combine(Path.GetTempPath(), "chatbot-tests", "threads-" + Guid.NewGuid().ToString("N"), "x.db");

    [Fact]
    public async Task Work_runs_on_the_files_writer_or_reader_thread_and_the_caller_continues_elsewhere()
    {
        var file = NewFile();
        var caller = Environment.CurrentManagedThreadId;

        var writer = await SqliteThreads.WriteAsync(file, () => (Thread.CurrentThread.Name, Environment.CurrentManagedThreadId));
        var afterAwait = Environment.CurrentManagedThreadId;
        var reader = await SqliteThreads.ReadAsync(file, () => Thread.CurrentThread.Name);

        Assert.Equal("SQLite writer x.db", writer.Name);
        Assert.NotEqual(caller, writer.CurrentManagedThreadId);
        Assert.NotEqual(writer.CurrentManagedThreadId, afterAwait); // the continuation did not run on the lane's thread
        Assert.Equal("SQLite reader x.db", reader);
    }

    [Fact]
    public async Task Writes_to_one_file_run_one_at_a_time_in_the_order_they_were_queued()
    {
        var file = NewFile();
        var running = 0;
        var overlapped = false;
        var order = new List<int>();
        var writes = Enumerable.Range(0, 200).Select(i => SqliteThreads.WriteAsync(file, () =>
        {
            overlapped |= Interlocked.Increment(ref running) > 1;
            order.Add(i);
            Thread.SpinWait(1000);
            Interlocked.Decrement(ref running);
        })).ToList();
        await Task.WhenAll(writes);

        Assert.False(overlapped);
        Assert.Equal(Enumerable.Range(0, 200), order);
    }

    [Fact]
    public async Task A_failure_reaches_the_caller_and_the_lane_goes_on()
    {
        var file = NewFile();
        var failure = await Assert.ThrowsAsync<InvalidOperationException>(() => SqliteThreads.WriteAsync<int>(file, () => throw new InvalidOperationException("disk says no")));
        Assert.Equal("disk says no", failure.Message);
        Assert.Equal(42, await SqliteThreads.WriteAsync(file, () => 42));
    }

    [Fact]
    public async Task Work_cancelled_before_it_starts_does_not_run()
    {
        var file = NewFile();
        var gate = new ManualResetEventSlim();
        var blocker = SqliteThreads.WriteAsync(file, () => gate.Wait(TimeSpan.FromSeconds(30)));
        using var cancel = new CancellationTokenSource();
        var ran = false;
        var queued = SqliteThreads.WriteAsync(file, () => ran = true, cancel.Token);

        cancel.Cancel();
        gate.Set();
        await blocker;

        await Assert.ThrowsAnyAsync<OperationCanceledException>(() => queued);
        Assert.False(ran);
        Assert.True(SqliteThreads.WriteAsync(file, () => true, cancel.Token).IsCanceled);
    }

    [Fact]
    public async Task An_idle_lane_ends_its_thread_and_work_posted_as_it_ends_still_runs()
    {
        var file = NewFile();
        var saved = SqliteThreads.IdleTimeout;
        SqliteThreads.IdleTimeout = TimeSpan.FromMilliseconds(5);
        try
        {
            await SqliteThreads.WriteAsync(file, () => { }).WaitAsync(TimeSpan.FromSeconds(10));
            var deadline = DateTime.UtcNow.AddSeconds(10);
            while (SqliteThreads.LiveLanes(file) > 0 && DateTime.UtcNow < deadline)
            {
                await Task.Delay(10);
            }
            Assert.Equal(0, SqliteThreads.LiveLanes(file));

            // Posts spaced around the idle timeout race the lane's stop: every one must still run.
            var done = 0;
            for (var i = 0; i < 100; i++)
            {
                // A lost item fails here instead of hanging the run.
                await SqliteThreads.WriteAsync(file, () => Interlocked.Increment(ref done)).WaitAsync(TimeSpan.FromSeconds(10));
                await Task.Delay(i % 7);
            }
            Assert.Equal(100, done);
        }
        finally
        {
            SqliteThreads.IdleTimeout = saved;
        }
    }
}
