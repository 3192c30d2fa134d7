using Azure.Core;
using Azure.Storage.Blobs;
using ChatBot.Options;

namespace ChatBot.Storage;

/// <summary>
/// The one <see cref="BlobContainerClient"/> that the Blob storage, event log and transcript store share, with
/// the retry policy for transient Azure errors (408, 429, 500, 502, 503, 504, timeouts and dropped connections;
/// 409 and 412 are answers, never retried). Values, and why:
/// exponential backoff from 0.25 s doubling to at most 4 s, 4 retries (about 0.25 + 0.5 + 1 + 2 = 3.75 s of
/// waiting, with the SDK's jitter), and 10 s per try: long enough to ride out a throttling burst or a service
/// failover blip, short enough that a visitor's turn gives up (and gets the plain error sentence) within about
/// 45 s in the worst case instead of the SDK's default 100 s per try. The service version is the client's
/// default, which Azurite 3.37 accepts only with --skipApiVersionCheck (docs/storage.md).
/// </summary>
public static class BlobContainerFactory
{
    public static BlobClientOptions ClientOptions()
    {
        var options = new BlobClientOptions();
        options.Retry.Mode = RetryMode.Exponential;
        options.Retry.MaxRetries = 4;
        options.Retry.Delay = TimeSpan.FromMilliseconds(250);
        options.Retry.MaxDelay = TimeSpan.FromSeconds(4);
        options.Retry.NetworkTimeout = TimeSpan.FromSeconds(10);
        return options;
    }

    /// <summary>The container client; throws <see cref="StorageUnavailableException"/> for a malformed connection string.</summary>
    public static BlobContainerClient Create(StorageOptions options)
    {
        if (string.IsNullOrWhiteSpace(options.ConnectionString))
        {
            throw new StorageUnavailableException("Storage:ConnectionString is empty: Storage:Kind=Blob needs an Azure Storage connection string (for Azurite, see docs/storage.md).");
        }
        try
        {
            return new BlobServiceClient(options.ConnectionString, ClientOptions()).GetBlobContainerClient(options.Container);
        }
        catch (Exception e) when (e is FormatException or ArgumentException or InvalidOperationException)
        {
            throw new StorageUnavailableException($"Storage:ConnectionString is not a valid Azure Storage connection string ({e.Message.TrimEnd('.')}).");
        }
    }
}
