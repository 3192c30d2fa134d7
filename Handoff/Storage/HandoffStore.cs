using Microsoft.Bot.Builder;
using Microsoft.Extensions.Logging;

namespace ChatBot.Handoff.Storage;

/// <summary>
/// Handoff records, the queue index and coach records on the shared <see cref="IStorage"/>.
///
/// Every change is a transaction: read the items, decide, write, and on <see cref="ETagConflictException"/> start
/// again from a fresh read. It never relies on a multi-item batch being atomic (on Blob Storage it is not): items
/// are written one at a time, in an order that keeps the handoff correct if it stops half-way (a crash, a failed
/// write) or loses a race between two writes:
/// 1. pointers TO the change first (<see cref="StoreSnapshot.PutBefore"/>: a new queue entry, a coach's active chat);
/// 2. the one deciding write (<see cref="StoreSnapshot.Put"/>, usually the <see cref="HandoffRecord"/>, the truth),
///    ETag-checked, so of two racing transactions exactly one stores it (one coach wins an accept);
/// 3. pointers AWAY from the old state last (<see cref="StoreSnapshot.UpdateAfter"/>: a queue entry removed, a coach freed),
///    re-applied to fresh reads until stored.
/// So a queued record always has its queue entry and a connected record its coach's pointer; what a stop half-way can
/// leave is a stale pointer (an entry for a record that is no longer queued, a coach pointing at a chat that is not
/// theirs), and every reader checks pointers against the record. Items a transaction creates are written create-only
/// (<see cref="StoreETags.New"/>), so two instances creating the same item cannot both win either.
/// </summary>
public sealed class HandoffStore(IStorage storage, ILogger<HandoffStore> logger)
{
    public const string QueueKey = "handoff/queue";
    private const int MaxAttempts = 200;
    private const int MaxAfterAttempts = 50;

    public static string RecordKey(string channelId, string conversationId) => $"handoff/record/{channelId}/{conversationId}";

    public static string CoachKey(string coachId) => $"handoff/coach/{coachId}";

    public async Task<T?> GetAsync<T>(string key, CancellationToken cancellationToken = default) where T : class, IStoreItem
    {
        var items = await storage.ReadAsync([key], cancellationToken);
        return items.TryGetValue(key, out var item) ? item as T : null;
    }

    public async Task<QueueIndex> GetQueueAsync(CancellationToken cancellationToken = default) =>
        await GetAsync<QueueIndex>(QueueKey, cancellationToken) ?? new QueueIndex();

    /// <summary>
    /// Runs <paramref name="decide"/> on a fresh read of <paramref name="keys"/> until its writes go through
    /// without an ETag conflict. <paramref name="decide"/> must be free of side effects other than its writes: it may
    /// run several times, and a later run may find the pointers an earlier run wrote before losing (it must reuse or
    /// clear them). Its result is the result of the run whose deciding write was stored.
    /// </summary>
    public async Task<T> TransactAsync<T>(IReadOnlyCollection<string> keys, Func<StoreSnapshot, T> decide, CancellationToken cancellationToken = default)
    {
        for (var attempt = 1; ; attempt++)
        {
            var snapshot = new StoreSnapshot(await storage.ReadAsync(keys.Distinct().ToArray(), cancellationToken));
            var result = decide(snapshot);
            if (!snapshot.HasWrites)
            {
                return result;
            }
            try
            {
                foreach (var (key, item) in snapshot.Before)
                {
                    await WriteOneAsync(snapshot, key, item, cancellationToken);
                }
                if (snapshot.Decisive is { } decisive)
                {
                    await WriteOneAsync(snapshot, decisive.Key, decisive.Item, cancellationToken);
                }
            }
            catch (ETagConflictException conflict) when (attempt < MaxAttempts)
            {
                logger.LogDebug("Handoff write conflict on {Key} (attempt {Attempt}); retrying", conflict.Key, attempt);
                // Spread the retries of racing writers so one of them gets through quickly.
                await Task.Delay(Random.Shared.Next(0, Math.Min(2 + attempt * 2, 50)), cancellationToken);
                continue;
            }
            foreach (var after in snapshot.After)
            {
                await UpdateAfterAsync(snapshot, after, cancellationToken);
            }
            return result;
        }
    }

    private Task WriteOneAsync(StoreSnapshot snapshot, string key, IStoreItem item, CancellationToken cancellationToken)
    {
        if (!snapshot.Existed(key) && string.IsNullOrEmpty(item.ETag))
        {
            item.ETag = StoreETags.New;
        }
        return storage.WriteAsync(new Dictionary<string, object> { [key] = item }, cancellationToken);
    }

    private async Task UpdateAfterAsync(StoreSnapshot snapshot, StoreSnapshot.AfterWrite after, CancellationToken cancellationToken)
    {
        var item = snapshot.Get<IStoreItem>(after.Key);
        try
        {
            for (var attempt = 1; item != null && attempt <= MaxAfterAttempts; attempt++)
            {
                if (!after.Change(item))
                {
                    return;
                }
                try
                {
                    await storage.WriteAsync(new Dictionary<string, object> { [after.Key] = item }, cancellationToken);
                    return;
                }
                catch (ETagConflictException)
                {
                    await Task.Delay(Random.Shared.Next(0, Math.Min(2 + attempt * 2, 50)), cancellationToken);
                    var fresh = await storage.ReadAsync([after.Key], cancellationToken);
                    item = fresh.TryGetValue(after.Key, out var value) ? value as IStoreItem : null;
                }
            }
        }
        catch (Exception e) when (e is not OperationCanceledException)
        {
            // The change itself is stored; what is left is a stale pointer, which readers check against the record.
            logger.LogWarning(e, "Handoff clean-up of {Key} failed; a stale pointer stays until it is next touched", after.Key);
        }
    }
}
