using ChatBot.Handoff.Storage;
using Microsoft.Bot.Builder;
using Newtonsoft.Json;
using Newtonsoft.Json.Linq;

namespace ChatBot.Storage;

/// <summary>
/// How every ChatBot storage turns an item into text and back, and the ETag rules they share.
/// Like the SDK's MemoryStorage and BlobsStorage, type names are kept in the JSON so that bot
/// state (a dictionary of typed values) comes back as the types that were written.
/// </summary>
public static class StoreItemJson
{
    public static readonly JsonSerializer Serializer = JsonSerializer.Create(new JsonSerializerSettings
    {
        TypeNameHandling = TypeNameHandling.All,
        MaxDepth = null,
        NullValueHandling = NullValueHandling.Ignore,
    });

    public static string Serialize(object value, string? newETag)
    {
        var json = JToken.FromObject(value, Serializer);
        if (newETag != null && json is JObject obj)
        {
            obj["ETag"] = newETag;
        }
        return json.ToString(Formatting.None);
    }

    public static object Deserialize(string text)
    {
        using var reader = new JsonTextReader(new StringReader(text)) { MaxDepth = null };
        return Serializer.Deserialize(reader)!;
    }

    /// <summary>
    /// The ETag a write must match, or null when it may overwrite (no ETag, or "*"). <see cref="StoreETags.New"/>
    /// means the key must hold nothing (see <see cref="IsCreateOnly"/>).
    /// </summary>
    public static string? RequiredETag(object value) =>
        value is IStoreItem item && !string.IsNullOrEmpty(item.ETag) && item.ETag != "*" ? item.ETag : null;

    /// <summary>True when the item may only be created (its ETag is <see cref="StoreETags.New"/>).</summary>
    public static bool IsCreateOnly(object value) => value is IStoreItem { ETag: StoreETags.New };

    /// <summary>A new ETag for an item that carries one; null for plain values (bot state dictionaries).</summary>
    public static string? NewETag(object value) => value is IStoreItem ? Guid.NewGuid().ToString("N") : null;

    public static void CheckKeys(IEnumerable<string> keys)
    {
        foreach (var key in keys)
        {
            if (string.IsNullOrEmpty(key))
            {
                throw new ArgumentException("Storage keys must not be null or empty.", nameof(keys));
            }
        }
    }
}
