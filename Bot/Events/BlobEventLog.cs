using System.Collections.Concurrent;
using System.Globalization;
using System.Runtime.CompilerServices;
using System.Text;
using Azure;
using Azure.Storage.Blobs;
using Azure.Storage.Blobs.Models;
using ChatBot.Handoff.Events;
using ChatBot.Storage;

namespace ChatBot.Events;

/// <summary>
/// The event log on Blob Storage, in the bot's container, laid out for the dashboard's range reads:
/// one small blob per event, "events/{yyyy-MM-dd}/{ticks}-{stamp}-{id}", where the day and the 19-digit UTC ticks
/// of the event's timestamp make names sort in time order, and stamp (19 digits, strictly increasing in this
/// process) keeps events of the same instant in append order. The blob holds the event's JSON; a copy rides in
/// its metadata ("e", base64url) when it fits, so a range read is one listing per day with metadata and no
/// downloads (a 30-day month: about 30 list calls). Appends are create-only; an id appended again by this process
/// is skipped, and a read keeps the first of any copies (another instance's retry), so an id counts once.
/// </summary>
public sealed class BlobEventLog(BlobContainerClient container) : IEventLog
{
    public const string Prefix = "events/";
    private const string MetadataKey = "e";
    private const int MaxMetadataChars = 7000;
    private const int RecentIds = 10_000;
    private const int Parallelism = 8;

    private static long _lastStamp;
    private readonly ConcurrentDictionary<string, byte> _recent = new(StringComparer.Ordinal);
    private readonly ConcurrentQueue<string> _recentOrder = new();

    public async Task RecordAsync(OutcomeEvent outcome, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(outcome);
        if (_recent.ContainsKey(outcome.Id))
        {
            return;
        }
        var json = OutcomeEventJson.Serialize(outcome);
        var encoded = Base64Url(json);
        var options = new BlobUploadOptions
        {
            Conditions = new BlobRequestConditions { IfNoneMatch = ETag.All },
            HttpHeaders = new BlobHttpHeaders { ContentType = "application/json; charset=utf-8" },
            Metadata = encoded.Length <= MaxMetadataChars ? new Dictionary<string, string> { [MetadataKey] = encoded } : null,
        };
        var blob = container.GetBlobClient(NameOf(outcome));
        try
        {
            await blob.UploadAsync(BinaryData.FromString(json), options, cancellationToken);
        }
        catch (RequestFailedException e) when (e.Status == 409)
        {
            // A retried upload that had gone through.
        }
        catch (RequestFailedException e) when (e.ErrorCode == BlobErrorCode.ContainerNotFound)
        {
            await container.CreateIfNotExistsAsync(cancellationToken: cancellationToken);
            await blob.UploadAsync(BinaryData.FromString(json), options, cancellationToken);
        }
        Remember(outcome.Id);
    }

    public async IAsyncEnumerable<OutcomeEvent> ReadAsync(DateTimeOffset from, DateTimeOffset to, [EnumeratorCancellation] CancellationToken cancellationToken = default)
    {
        if (to <= from)
        {
            yield break;
        }
        var days = await DaysAsync(from, to, cancellationToken);
        var found = new ConcurrentBag<(string Name, OutcomeEvent Event)>();
        await Parallel.ForEachAsync(days, new ParallelOptions { MaxDegreeOfParallelism = Parallelism, CancellationToken = cancellationToken }, async (day, ct) =>
        {
            await foreach (var (name, outcome) in ListAsync(Prefix + day + "/", ct))
            {
                if (outcome.Timestamp >= from && outcome.Timestamp < to)
                {
                    found.Add((name, outcome));
                }
            }
        });
        var seen = new HashSet<string>(StringComparer.Ordinal);
        foreach (var (_, outcome) in found.OrderBy(f => f.Name, StringComparer.Ordinal))
        {
            if (seen.Add(outcome.Id))
            {
                yield return outcome;
            }
        }
    }

    public async Task<int> DeleteVisitorAsync(string visitorId, CancellationToken cancellationToken = default)
    {
        ArgumentException.ThrowIfNullOrEmpty(visitorId);
        var all = new List<(string Name, OutcomeEvent Event)>();
        await foreach (var item in ListAsync(Prefix, cancellationToken))
        {
            all.Add(item);
        }
        // Also the events of the visitor's conversations that carry no visitor id (a coach's note, an outcome).
        var conversations = all.Where(x => x.Event.VisitorId == visitorId).Select(x => x.Event.ConversationId).ToHashSet(StringComparer.Ordinal);
        var doomed = all.Where(x => x.Event.VisitorId == visitorId || conversations.Contains(x.Event.ConversationId)).ToList();
        await Parallel.ForEachAsync(doomed, new ParallelOptions { MaxDegreeOfParallelism = Parallelism, CancellationToken = cancellationToken }, async (x, ct) =>
            await container.GetBlobClient(x.Name).DeleteIfExistsAsync(cancellationToken: ct));
        foreach (var (_, outcome) in doomed)
        {
            _recent.TryRemove(outcome.Id, out _);
        }
        return doomed.Select(x => x.Event.Id).Distinct(StringComparer.Ordinal).Count();
    }

    internal static string NameOf(OutcomeEvent outcome)
    {
        var utc = outcome.Timestamp.UtcDateTime;
        long stamp, last;
        do
        {
            last = Interlocked.Read(ref _lastStamp);
            stamp = Math.Max(last + 1, DateTime.UtcNow.Ticks);
        }
        while (Interlocked.CompareExchange(ref _lastStamp, stamp, last) != last);
        return string.Create(CultureInfo.InvariantCulture, $"{Prefix}{utc:yyyy-MM-dd}/{utc.Ticks:D19}-{stamp:D19}-{BlobNames.Segment(outcome.Id)}");
    }

    /// <summary>The day folders a range touches: computed for ranges up to 400 days, listed for longer ones (e.g. "everything").</summary>
    private async Task<List<string>> DaysAsync(DateTimeOffset from, DateTimeOffset to, CancellationToken cancellationToken)
    {
        var first = from.UtcDateTime.Date;
        var last = to.UtcDateTime.AddTicks(-1).Date;
        if ((last - first).TotalDays <= 400)
        {
            var days = new List<string>();
            for (var day = first; day <= last; day = day.AddDays(1))
            {
                days.Add(day.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture));
            }
            return days;
        }
        var existing = new List<string>();
        await foreach (var item in container.GetBlobsByHierarchyAsync(new GetBlobsByHierarchyOptions { Delimiter = "/", Prefix = Prefix }, cancellationToken))
        {
            if (item.IsPrefix && DateTime.TryParseExact(item.Prefix[Prefix.Length..].TrimEnd('/'), "yyyy-MM-dd", CultureInfo.InvariantCulture,
                    DateTimeStyles.AdjustToUniversal | DateTimeStyles.AssumeUniversal, out var day) && day >= first && day <= last)
            {
                existing.Add(item.Prefix[Prefix.Length..].TrimEnd('/'));
            }
        }
        return existing;
    }

    private async IAsyncEnumerable<(string Name, OutcomeEvent Event)> ListAsync(string prefix, [EnumeratorCancellation] CancellationToken cancellationToken)
    {
        var blobs = container.GetBlobsAsync(new GetBlobsOptions { Traits = BlobTraits.Metadata, Prefix = prefix }, cancellationToken);
        await foreach (var blob in WithoutMissingContainer(blobs))
        {
            if (blob.Metadata != null && blob.Metadata.TryGetValue(MetadataKey, out var encoded))
            {
                yield return (blob.Name, OutcomeEventJson.Deserialize(FromBase64Url(encoded)));
                continue;
            }
            OutcomeEvent? outcome = null;
            try
            {
                var content = await container.GetBlobClient(blob.Name).DownloadContentAsync(cancellationToken);
                outcome = OutcomeEventJson.Deserialize(content.Value.Content.ToString());
            }
            catch (RequestFailedException e) when (e.Status == 404)
            {
                // Deleted while we listed.
            }
            if (outcome != null)
            {
                yield return (blob.Name, outcome);
            }
        }
    }

    private static async IAsyncEnumerable<BlobItem> WithoutMissingContainer(IAsyncEnumerable<BlobItem> blobs)
    {
        await using var e = blobs.GetAsyncEnumerator();
        while (true)
        {
            try
            {
                if (!await e.MoveNextAsync())
                {
                    yield break;
                }
            }
            catch (RequestFailedException ex) when (ex.ErrorCode == BlobErrorCode.ContainerNotFound)
            {
                yield break;
            }
            yield return e.Current;
        }
    }

    private void Remember(string id)
    {
        if (_recent.TryAdd(id, 0))
        {
            _recentOrder.Enqueue(id);
            while (_recentOrder.Count > RecentIds && _recentOrder.TryDequeue(out var old))
            {
                _recent.TryRemove(old, out _);
            }
        }
    }

    private static string Base64Url(string text) =>
        Convert.ToBase64String(Encoding.UTF8.GetBytes(text)).TrimEnd('=').Replace('+', '-').Replace('/', '_');

    private static string FromBase64Url(string encoded)
    {
        var base64 = encoded.Replace('-', '+').Replace('_', '/');
        base64 = base64.PadRight(base64.Length + (4 - base64.Length % 4) % 4, '=');
        return Encoding.UTF8.GetString(Convert.FromBase64String(base64));
    }
}
