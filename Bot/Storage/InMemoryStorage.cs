using ChatBot.Handoff.Storage;
using Microsoft.Bot.Builder;

namespace ChatBot.Storage;

/// <summary>
/// <c>Storage:Kind=Memory</c>, for tests only: the same serialization and ETag contract as the
/// SQLite and Blob storages (the SDK's MemoryStorage throws a different exception type), lost on exit.
/// </summary>
public sealed class InMemoryStorage : IStorage
{
    private readonly Dictionary<string, (string? ETag, string Json)> _items = new();
    private readonly object _gate = new();

    public Task<IDictionary<string, object>> ReadAsync(string[] keys, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(keys);
        StoreItemJson.CheckKeys(keys);
        IDictionary<string, object> result = new Dictionary<string, object>();
        lock (_gate)
        {
            foreach (var key in keys)
            {
                if (_items.TryGetValue(key, out var stored))
                {
                    result[key] = StoreItemJson.Deserialize(stored.Json);
                }
            }
        }
        return Task.FromResult(result);
    }

    public Task WriteAsync(IDictionary<string, object> changes, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(changes);
        StoreItemJson.CheckKeys(changes.Keys);
        lock (_gate)
        {
            // Check the whole batch first, so a conflict leaves nothing half-written.
            foreach (var (key, value) in changes)
            {
                ArgumentNullException.ThrowIfNull(value, $"changes[{key}]");
                var required = StoreItemJson.RequiredETag(value);
                var exists = _items.TryGetValue(key, out var current);
                if (StoreItemJson.IsCreateOnly(value) ? exists : required != null && (!exists || current.ETag != required))
                {
                    throw new ETagConflictException(key);
                }
            }
            foreach (var (key, value) in changes)
            {
                var newETag = StoreItemJson.NewETag(value);
                _items[key] = (newETag, StoreItemJson.Serialize(value, newETag));
                if (value is IStoreItem item)
                {
                    item.ETag = newETag;
                }
            }
        }
        return Task.CompletedTask;
    }

    public Task DeleteAsync(string[] keys, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(keys);
        StoreItemJson.CheckKeys(keys);
        lock (_gate)
        {
            foreach (var key in keys)
            {
                _items.Remove(key);
            }
        }
        return Task.CompletedTask;
    }
}
