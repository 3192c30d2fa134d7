using System.Threading.Channels;
using Microsoft.Bot.Builder;
using Microsoft.Bot.Schema;

namespace ChatBot.Transcripts;

/// <summary>
/// The <see cref="ITranscriptLogger"/> that TranscriptLoggerMiddleware writes through, so that logging never slows or
/// breaks a turn: an activity is queued in memory (bounded) and written to the <see cref="ITranscriptStore"/> by four
/// background writers, each owning the conversations that hash to it (a conversation's activities keep their order).
/// A writer takes whatever is queued (up to 64) and hands it to the store in one call, which SQLite writes in one
/// transaction. A failed write is retried three times, then logged and dropped (the store's own client already retries transient
/// errors). On a graceful stop the queue is drained; a crash loses what was queued (milliseconds of turns).
/// </summary>
public sealed class BackgroundTranscriptLogger : ITranscriptLogger, IHostedService
{
    private const int Writers = 4;
    private const int Capacity = 10_000;
    private const int MaxBatch = 64;

    private readonly ITranscriptStore _store;
    private readonly ILogger<BackgroundTranscriptLogger> _logger;
    private readonly Channel<IActivity>[] _queues;
    private readonly Task[] _writers;
    private long _pending;

    public BackgroundTranscriptLogger(ITranscriptStore store, ILogger<BackgroundTranscriptLogger> logger)
    {
        _store = store;
        _logger = logger;
        _queues = Enumerable.Range(0, Writers)
            .Select(_ => Channel.CreateBounded<IActivity>(new BoundedChannelOptions(Capacity / Writers) { SingleReader = true, FullMode = BoundedChannelFullMode.Wait }))
            .ToArray();
        _writers = _queues.Select(queue => Task.Run(() => WriteAllAsync(queue))).ToArray();
    }

    public Task LogActivityAsync(IActivity activity)
    {
        ArgumentNullException.ThrowIfNull(activity);
        // Checked here, not by the store: one activity without a conversation in a batch would fail the whole batch.
        if (string.IsNullOrEmpty(activity.ChannelId) || string.IsNullOrEmpty(activity.Conversation?.Id))
        {
            _logger.LogWarning("Activity {ActivityId} has no channel or conversation id; not logged to the transcript", activity.Id);
            return Task.CompletedTask;
        }
        var queue = _queues[(int)((uint)StringComparer.Ordinal.GetHashCode(activity.Conversation?.Id ?? "") % Writers)];
        Interlocked.Increment(ref _pending);
        if (!queue.Writer.TryWrite(activity))
        {
            Interlocked.Decrement(ref _pending);
            _logger.LogWarning("Transcript queue full or stopped; activity {ActivityId} of conversation {ConversationId} not logged",
                activity.Id, activity.Conversation?.Id);
        }
        return Task.CompletedTask;
    }

    /// <summary>Waits until everything queued so far is written (tests; shutdown).</summary>
    public async Task FlushAsync(CancellationToken cancellationToken = default)
    {
        while (Interlocked.Read(ref _pending) > 0)
        {
            await Task.Delay(5, cancellationToken);
        }
    }

    public Task StartAsync(CancellationToken cancellationToken) => Task.CompletedTask;

    public async Task StopAsync(CancellationToken cancellationToken)
    {
        foreach (var queue in _queues)
        {
            queue.Writer.TryComplete();
        }
        await Task.WhenAll(_writers).WaitAsync(cancellationToken);
    }

    private async Task WriteAllAsync(Channel<IActivity> queue)
    {
        // What is queued is written together (one transaction on SQLite: see ITranscriptBatchLogger); in order.
        var batch = new List<IActivity>(MaxBatch);
        while (await queue.Reader.WaitToReadAsync())
        {
            batch.Clear();
            while (batch.Count < MaxBatch && queue.Reader.TryRead(out var activity))
            {
                batch.Add(activity);
            }
            for (var attempt = 1; ; attempt++)
            {
                try
                {
                    await WriteAsync(batch);
                    break;
                }
                catch (Exception e) when (attempt < 3)
                {
                    _logger.LogDebug(e, "Transcript write failed (attempt {Attempt}); retrying", attempt);
                    await Task.Delay(200 * attempt);
                }
                catch (Exception e)
                {
                    _logger.LogWarning(e, "Could not log {Count} activities (the first {ActivityId} of conversation {ConversationId}) to the transcript",
                        batch.Count, batch[0].Id, batch[0].Conversation?.Id);
                    break;
                }
            }
            Interlocked.Add(ref _pending, -batch.Count);
        }
    }

    private async Task WriteAsync(List<IActivity> batch)
    {
        if (_store is ITranscriptBatchLogger batches)
        {
            // A retry rewrites the whole batch: the store ignores an activity it already has.
            await batches.LogActivitiesAsync(batch);
            return;
        }
        foreach (var activity in batch)
        {
            await _store.LogActivityAsync(activity);
        }
    }
}
