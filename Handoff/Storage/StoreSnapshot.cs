using Microsoft.Bot.Builder;

namespace ChatBot.Handoff.Storage;

/// <summary>The items one transaction read, and the ones it decided to write.</summary>
public sealed class StoreSnapshot
{
    private readonly IDictionary<string, object> _read;
    private readonly Dictionary<string, IStoreItem> _changes = new();

    internal StoreSnapshot(IDictionary<string, object> read) => _read = read;

    internal IReadOnlyDictionary<string, IStoreItem> Changes => _changes;

    public T? Get<T>(string key) where T : class, IStoreItem =>
        _changes.TryGetValue(key, out var changed) ? (T)changed : _read.TryGetValue(key, out var item) ? item as T : null;

    /// <summary>Writes the item at the end of the transaction, checked against the ETag it was read with.</summary>
    public void Put(string key, IStoreItem item) => _changes[key] = item;
}
