namespace ChatBot.Handoff.Storage;

/// <summary>
/// ETag values with a meaning in every ChatBot <c>IStorage</c> (SQLite, Blob, memory), beyond the SDK's contract
/// (a real ETag must match, "*" or none overwrites).
/// </summary>
public static class StoreETags
{
    /// <summary>
    /// Create only: the item is written only if the key holds nothing, otherwise the write fails with
    /// <see cref="ETagConflictException"/> (Blob: If-None-Match: *). Two writers creating the same item at
    /// once cannot both win, which "no ETag" (overwrite) would let happen.
    /// </summary>
    public const string New = "!new";
}
