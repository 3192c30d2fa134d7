using Microsoft.Bot.Builder;

namespace ChatBot.Handoff.Storage;

/// <summary>
/// The items one transaction read, and the writes it decided on, by role (see <see cref="HandoffStore"/>):
/// <see cref="PutBefore"/> for pointers that must exist before the change they point at, one deciding
/// <see cref="Put"/>, and <see cref="UpdateAfter"/> for pointers that may only go once the change is stored.
/// </summary>
public sealed class StoreSnapshot
{
    private readonly IDictionary<string, object> _read;
    private readonly Dictionary<string, IStoreItem> _changed = new();
    private readonly List<(string Key, IStoreItem Item)> _before = [];
    private readonly List<AfterWrite> _after = [];
    private readonly Dictionary<string, string> _roles = new();
    private (string Key, IStoreItem Item)? _decisive;

    internal StoreSnapshot(IDictionary<string, object> read) => _read = read;

    internal IReadOnlyList<(string Key, IStoreItem Item)> Before => _before;
    internal (string Key, IStoreItem Item)? Decisive => _decisive;
    internal IReadOnlyList<AfterWrite> After => _after;
    internal bool HasWrites => _before.Count > 0 || _decisive != null || _after.Count > 0;

    public T? Get<T>(string key) where T : class, IStoreItem =>
        _changed.TryGetValue(key, out var changed) ? (T)changed : _read.TryGetValue(key, out var item) ? item as T : null;

    /// <summary>True when the key held an item when the transaction read it.</summary>
    public bool Existed(string key) => _read.ContainsKey(key);

    /// <summary>
    /// The transaction's deciding write (at most one): checked against the ETag it was read with, so of two racing
    /// transactions exactly one stores it; the other runs again from a fresh read.
    /// </summary>
    public void Put(string key, IStoreItem item)
    {
        if (_decisive is { } existing && existing.Key != key)
        {
            throw new InvalidOperationException($"A handoff transaction has one deciding write; it already has '{existing.Key}', not '{key}'.");
        }
        Claim(key, item, "deciding");
        _decisive = (key, item);
    }

    /// <summary>
    /// A pointer to the deciding write (a queue entry, a coach's active chat), written first and ETag-checked like it.
    /// If the deciding write then loses, the pointer stays behind pointing at a change that did not happen: readers
    /// check pointers against the record, and the next run of the transaction finds it and must reuse or clear it.
    /// </summary>
    public void PutBefore(string key, IStoreItem item)
    {
        Claim(key, item, "before");
        _before.RemoveAll(b => b.Key == key);
        _before.Add((key, item));
    }

    /// <summary>
    /// A clean-up once the deciding write is stored (removing a queue entry, freeing a coach): <paramref name="change"/>
    /// is applied to the item read here and, on an ETag conflict, to fresh reads until it is stored (it must be safe to
    /// apply to any later version; return false for "nothing to do"). Best effort: if it cannot be stored, a stale
    /// pointer stays behind, which every reader ignores.
    /// </summary>
    public void UpdateAfter<T>(string key, Func<T, bool> change) where T : class, IStoreItem
    {
        if (_roles.TryGetValue(key, out var existing))
        {
            throw new InvalidOperationException($"'{key}' already has a {existing} write in this transaction; one role per item.");
        }
        _roles[key] = "after";
        _after.Add(new AfterWrite(key, item => item is T typed && change(typed)));
    }

    private void Claim(string key, IStoreItem item, string role)
    {
        if (_roles.TryGetValue(key, out var existing) && existing != role)
        {
            throw new InvalidOperationException($"'{key}' already has a {existing} write in this transaction; one role per item.");
        }
        _roles[key] = role;
        _changed[key] = item;
    }

    internal sealed record AfterWrite(string Key, Func<IStoreItem, bool> Change);
}
