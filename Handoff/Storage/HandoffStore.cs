using Microsoft.Bot.Builder;
using Microsoft.Extensions.Logging;

namespace ChatBot.Handoff.Storage;

/// <summary>
/// Handoff records, the queue index and coach records on the shared <see cref="IStorage"/>. Every change is a
/// transaction: read the items, decide, write them back in one batch with the ETags they were read with, and
/// on <see cref="ETagConflictException"/> start again from a fresh read. On SQLite and in memory the batch is
/// atomic, so a record and the queue index never disagree; elsewhere the record is the truth and readers check it.
/// </summary>
public sealed class HandoffStore(IStorage storage, ILogger<HandoffStore> logger)
{
    public const string QueueKey = "handoff/queue";
    private const int MaxAttempts = 200;

    public static string RecordKey(string channelId, string conversationId) => $"handoff/record/{channelId}/{conversationId}";

    public static string CoachKey(string coachId) => $"handoff/coach/{coachId}";

    public static string TranscriptKey(string channelId, string conversationId) => $"handoff/transcript/{channelId}/{conversationId}";

    public async Task<T?> GetAsync<T>(string key, CancellationToken cancellationToken = default) where T : class, IStoreItem
    {
        var items = await storage.ReadAsync([key], cancellationToken);
        return items.TryGetValue(key, out var item) ? item as T : null;
    }

    public async Task<QueueIndex> GetQueueAsync(CancellationToken cancellationToken = default) =>
        await GetAsync<QueueIndex>(QueueKey, cancellationToken) ?? new QueueIndex();

    /// <summary>
    /// Runs <paramref name="decide"/> on a fresh read of <paramref name="keys"/> until its writes go through
    /// without an ETag conflict. <paramref name="decide"/> must be free of side effects other than Put: it may run
    /// several times. Its result is the result of the run whose writes were stored.
    /// </summary>
    public async Task<T> TransactAsync<T>(IReadOnlyCollection<string> keys, Func<StoreSnapshot, T> decide, CancellationToken cancellationToken = default)
    {
        for (var attempt = 1; ; attempt++)
        {
            var snapshot = new StoreSnapshot(await storage.ReadAsync(keys.Distinct().ToArray(), cancellationToken));
            var result = decide(snapshot);
            if (snapshot.Changes.Count == 0)
            {
                return result;
            }
            try
            {
                await storage.WriteAsync(snapshot.Changes.ToDictionary(c => c.Key, c => (object)c.Value), cancellationToken);
                return result;
            }
            catch (ETagConflictException conflict) when (attempt < MaxAttempts)
            {
                logger.LogDebug("Handoff write conflict on {Key} (attempt {Attempt}); retrying", conflict.Key, attempt);
                // Spread the retries of racing writers so one of them gets through quickly.
                await Task.Delay(Random.Shared.Next(0, Math.Min(2 + attempt * 2, 50)), cancellationToken);
            }
        }
    }
}
