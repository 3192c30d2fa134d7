using System.Collections.Concurrent;
using Azure;
using Azure.Storage.Blobs;
using Azure.Storage.Blobs.Models;
using ChatBot.Storage;
using Microsoft.Bot.Builder;
using Microsoft.Bot.Schema;

namespace ChatBot.Transcripts;

/// <summary>
/// Transcripts on Blob Storage, in the bot's container:
/// "transcripts/{channel}/{conversation}/{activity id}" holds one activity's JSON (created only once: the same
/// activity logged twice is one blob), and "transcript-visitors/{visitor}/{channel}/{conversation}" (empty) records
/// that a visitor took part in a conversation, for privacy requests. Each part is one escaped segment
/// (<see cref="BlobNames.Segment"/>). A read lists the conversation's blobs and downloads them (16 at a time),
/// ordered by timestamp.
/// </summary>
public sealed class BlobTranscriptStore(BlobContainerClient container) : ITranscriptStore, IVisitorTranscripts
{
    public const string Prefix = "transcripts/";
    public const string VisitorPrefix = "transcript-visitors/";
    private const int Parallelism = 16;

    // Visitor index entries this process has written, so a conversation costs one index write, not one per activity.
    private readonly ConcurrentDictionary<string, byte> _indexed = new();

    public static string ConversationPrefix(string channelId, string conversationId) =>
        $"{Prefix}{BlobNames.Segment(channelId)}/{BlobNames.Segment(conversationId)}/";

    public async Task LogActivityAsync(IActivity activity)
    {
        TranscriptJson.Check(activity);
        var name = ConversationPrefix(activity.ChannelId, activity.Conversation.Id) + BlobNames.Segment(TranscriptJson.EntryId(activity));
        var visitor = TranscriptJson.VisitorOf(activity);
        if (!string.IsNullOrEmpty(visitor))
        {
            var indexName = $"{VisitorPrefix}{BlobNames.Segment(visitor)}/{BlobNames.Segment(activity.ChannelId)}/{BlobNames.Segment(activity.Conversation.Id)}";
            if (!_indexed.ContainsKey(indexName))
            {
                // The index entry first: a transcript is never out of reach of a privacy request.
                await CreateOnceAsync(indexName, BinaryData.Empty);
                _indexed.TryAdd(indexName, 0);
            }
        }
        await CreateOnceAsync(name, BinaryData.FromString(TranscriptJson.Serialize(activity)));
    }

    public async Task<PagedResult<IActivity>> GetTranscriptActivitiesAsync(string channelId, string conversationId, string? continuationToken = null, DateTimeOffset startDate = default)
    {
        var names = new List<string>();
        await foreach (var blob in container.GetBlobsAsync(new GetBlobsOptions { Prefix = ConversationPrefix(channelId, conversationId) }))
        {
            names.Add(blob.Name);
        }
        var activities = new Activity?[names.Count];
        await Parallel.ForEachAsync(Enumerable.Range(0, names.Count), new ParallelOptions { MaxDegreeOfParallelism = Parallelism }, async (i, ct) =>
        {
            try
            {
                var content = await container.GetBlobClient(names[i]).DownloadContentAsync(ct);
                activities[i] = TranscriptJson.Deserialize(content.Value.Content.ToString());
            }
            catch (RequestFailedException e) when (e.Status == 404)
            {
                // Deleted while we read.
            }
        });
        var ordered = activities.OfType<Activity>()
            .Where(a => TranscriptJson.TimestampOf(a) >= startDate)
            .OrderBy(TranscriptJson.TimestampOf).ThenBy(a => a.Id, StringComparer.Ordinal)
            .Cast<IActivity>().ToList();
        return TranscriptJson.Page(ordered, continuationToken);
    }

    public async Task<PagedResult<TranscriptInfo>> ListTranscriptsAsync(string channelId, string? continuationToken = null)
    {
        var prefix = $"{Prefix}{BlobNames.Segment(channelId)}/";
        var infos = new List<TranscriptInfo>();
        await foreach (var item in container.GetBlobsByHierarchyAsync(new GetBlobsByHierarchyOptions { Delimiter = "/", Prefix = prefix }))
        {
            if (item.IsPrefix)
            {
                infos.Add(new TranscriptInfo { ChannelId = channelId, Id = BlobNames.Unescape(item.Prefix[prefix.Length..].TrimEnd('/')) });
            }
        }
        return TranscriptJson.Page(infos, continuationToken, 20);
    }

    public async Task DeleteTranscriptAsync(string channelId, string conversationId)
    {
        var names = new List<string>();
        await foreach (var blob in container.GetBlobsAsync(new GetBlobsOptions { Prefix = ConversationPrefix(channelId, conversationId) }))
        {
            names.Add(blob.Name);
        }
        await Parallel.ForEachAsync(names, new ParallelOptions { MaxDegreeOfParallelism = Parallelism }, async (name, ct) =>
            await container.GetBlobClient(name).DeleteIfExistsAsync(cancellationToken: ct));
    }

    public async Task<IReadOnlyList<(string ChannelId, string ConversationId)>> ConversationsOfAsync(string visitorId, CancellationToken cancellationToken = default)
    {
        var prefix = $"{VisitorPrefix}{BlobNames.Segment(visitorId)}/";
        var result = new List<(string, string)>();
        await foreach (var blob in container.GetBlobsAsync(new GetBlobsOptions { Prefix = prefix }, cancellationToken))
        {
            var parts = blob.Name[prefix.Length..].Split('/');
            if (parts.Length == 2)
            {
                result.Add((BlobNames.Unescape(parts[0]), BlobNames.Unescape(parts[1])));
            }
        }
        return result;
    }

    public async Task<int> ForgetIndexAsync(string visitorId, CancellationToken cancellationToken = default)
    {
        var prefix = $"{VisitorPrefix}{BlobNames.Segment(visitorId)}/";
        var removed = 0;
        await foreach (var blob in container.GetBlobsAsync(new GetBlobsOptions { Prefix = prefix }, cancellationToken))
        {
            await container.GetBlobClient(blob.Name).DeleteIfExistsAsync(cancellationToken: cancellationToken);
            _indexed.TryRemove(blob.Name, out _);
            removed++;
        }
        return removed;
    }

    private async Task CreateOnceAsync(string name, BinaryData content)
    {
        var options = new BlobUploadOptions
        {
            Conditions = new BlobRequestConditions { IfNoneMatch = ETag.All },
            HttpHeaders = new BlobHttpHeaders { ContentType = "application/json; charset=utf-8" },
        };
        try
        {
            await container.GetBlobClient(name).UploadAsync(content, options);
        }
        catch (RequestFailedException e) when (e.Status == 409 || e.ErrorCode == BlobErrorCode.BlobAlreadyExists)
        {
            // Logged already: first write wins.
        }
        catch (RequestFailedException e) when (e.ErrorCode == BlobErrorCode.ContainerNotFound)
        {
            await container.CreateIfNotExistsAsync();
            await CreateOnceAsync(name, content);
        }
    }
}
