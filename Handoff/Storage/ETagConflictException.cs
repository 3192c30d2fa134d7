namespace ChatBot.Handoff.Storage;

/// <summary>
/// Thrown by every ChatBot <c>IStorage</c> (SQLite, Blob, memory) when an item is written with
/// an ETag that no longer matches the stored one: the optimistic-concurrency "precondition
/// failed" of the Bot Framework storage contract. It lives in Handoff, the lowest layer,
/// because the handoff queue relies on it to let exactly one coach win an accept race.
/// </summary>
public sealed class ETagConflictException(string key)
    : InvalidOperationException($"Precondition failed: the item '{key}' was changed by someone else (stale ETag).")
{
    public string Key { get; } = key;
}
