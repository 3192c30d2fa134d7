using Azure;
using Azure.Storage.Blobs;
using Azure.Storage.Blobs.Models;
using ChatBot.Handoff.Storage;
using Microsoft.Bot.Builder;
using Newtonsoft.Json;
using Newtonsoft.Json.Linq;

namespace ChatBot.Storage;

/// <summary>
/// <c>Storage:Kind=Blob</c>: one block blob per key under "items/" in the configured container (names from
/// <see cref="BlobNames.ForKey"/>), holding the item's <see cref="StoreItemJson"/> text. The ETag of an item
/// is the blob's own ETag, so the optimistic-concurrency check is the service's If-Match: a stale ETag fails
/// with <see cref="ETagConflictException"/> exactly like <see cref="SqliteStorage"/>, "*" or no ETag
/// overwrites, an ETag on a key that does not exist is a conflict too, and <see cref="StoreETags.New"/> creates
/// only (If-None-Match: *).
///
/// Unlike SQLite, a batch is NOT atomic: items are written one by one in the order given and the first
/// conflict stops the batch, leaving the earlier items written. Callers that change several items must not
/// rely on a batch (the handoff store writes item by item in a safe order: see docs/storage.md).
/// </summary>
public sealed class BlobStorage(BlobContainerClient container) : IStorage
{
    public const string Prefix = "items/";

    public BlobContainerClient Container => container;

    public static string BlobName(string key) => BlobNames.ForKey(Prefix, key);

    public async Task<IDictionary<string, object>> ReadAsync(string[] keys, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(keys);
        StoreItemJson.CheckKeys(keys);
        var reads = keys.Distinct(StringComparer.Ordinal).Select(async key => (Key: key, Value: await ReadOneAsync(key, cancellationToken)));
        IDictionary<string, object> result = new Dictionary<string, object>();
        foreach (var (key, value) in await Task.WhenAll(reads))
        {
            if (value != null)
            {
                result[key] = value;
            }
        }
        return result;
    }

    public async Task WriteAsync(IDictionary<string, object> changes, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(changes);
        StoreItemJson.CheckKeys(changes.Keys);
        foreach (var (key, value) in changes)
        {
            ArgumentNullException.ThrowIfNull(value, $"changes[{key}]");
        }
        foreach (var (key, value) in changes)
        {
            await WriteOneAsync(key, value, cancellationToken);
        }
    }

    public async Task DeleteAsync(string[] keys, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(keys);
        StoreItemJson.CheckKeys(keys);
        await Task.WhenAll(keys.Distinct(StringComparer.Ordinal).Select(key =>
            container.GetBlobClient(BlobName(key)).DeleteIfExistsAsync(DeleteSnapshotsOption.IncludeSnapshots, cancellationToken: cancellationToken)));
    }

    private async Task<object?> ReadOneAsync(string key, CancellationToken cancellationToken)
    {
        try
        {
            var response = await container.GetBlobClient(BlobName(key)).DownloadContentAsync(cancellationToken);
            var value = StoreItemJson.Deserialize(response.Value.Content.ToString());
            if (value is IStoreItem item)
            {
                item.ETag = response.Value.Details.ETag.ToString();
            }
            return value;
        }
        catch (RequestFailedException e) when (e.Status == 404)
        {
            return null;
        }
    }

    private async Task WriteOneAsync(string key, object value, CancellationToken cancellationToken)
    {
        var required = StoreItemJson.RequiredETag(value);
        var json = JToken.FromObject(value, StoreItemJson.Serializer);
        if (json is JObject obj && value is IStoreItem)
        {
            // The ETag lives in the blob's properties; a copy in the content would only go stale.
            obj.Remove("ETag");
        }
        var options = new BlobUploadOptions
        {
            HttpHeaders = new BlobHttpHeaders { ContentType = "application/json; charset=utf-8" },
            Conditions = StoreItemJson.IsCreateOnly(value) ? new BlobRequestConditions { IfNoneMatch = ETag.All }
                : required != null ? new BlobRequestConditions { IfMatch = new ETag(required) } : null,
        };
        var blob = container.GetBlobClient(BlobName(key));
        var content = BinaryData.FromString(json.ToString(Formatting.None));
        try
        {
            var response = await UploadAsync(blob, content, options, cancellationToken);
            if (value is IStoreItem item)
            {
                item.ETag = response.Value.ETag.ToString();
            }
        }
        // 412: the ETag is stale; 404: an ETag was given for a key that does not exist (SQLite says conflict too);
        // 409: create-only, and the blob exists.
        catch (RequestFailedException e) when (required != null && e.Status is 412 or 404 or 409)
        {
            throw new ETagConflictException(key);
        }
    }

    private async Task<Response<BlobContentInfo>> UploadAsync(BlobClient blob, BinaryData content, BlobUploadOptions options, CancellationToken cancellationToken)
    {
        try
        {
            return await blob.UploadAsync(content, options, cancellationToken);
        }
        catch (RequestFailedException e) when (e.ErrorCode == BlobErrorCode.ContainerNotFound)
        {
            // Created at start; deleted since (by hand, or a test): create it again rather than fail every write.
            await container.CreateIfNotExistsAsync(cancellationToken: cancellationToken);
            return await blob.UploadAsync(content, options, cancellationToken);
        }
    }
}
