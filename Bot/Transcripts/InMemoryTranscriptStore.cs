using Microsoft.Bot.Builder;
using Microsoft.Bot.Schema;

namespace ChatBot.Transcripts;

/// <summary>The transcript store for tests (Storage:Kind = Memory): the same contract as the SQLite and Blob stores, lost on exit.</summary>
public sealed class InMemoryTranscriptStore : ITranscriptStore, IVisitorTranscripts
{
    private readonly object _gate = new();
    private readonly Dictionary<(string Channel, string Conversation), List<(string Id, DateTimeOffset At, string? Visitor, string Json)>> _transcripts = new();

    public Task LogActivityAsync(IActivity activity)
    {
        TranscriptJson.Check(activity);
        var id = TranscriptJson.EntryId(activity);
        var entry = (id, TranscriptJson.TimestampOf(activity), TranscriptJson.VisitorOf(activity), TranscriptJson.Serialize(activity));
        lock (_gate)
        {
            var key = (activity.ChannelId, activity.Conversation.Id);
            if (!_transcripts.TryGetValue(key, out var list))
            {
                _transcripts[key] = list = [];
            }
            if (!list.Any(e => e.Id == id))
            {
                list.Add(entry);
            }
        }
        return Task.CompletedTask;
    }

    public Task<PagedResult<IActivity>> GetTranscriptActivitiesAsync(string channelId, string conversationId, string? continuationToken = null, DateTimeOffset startDate = default)
    {
        List<IActivity> activities;
        lock (_gate)
        {
            activities = _transcripts.TryGetValue((channelId, conversationId), out var list)
                ? list.Select((e, i) => (e, i)).Where(x => x.e.At >= startDate).OrderBy(x => x.e.At).ThenBy(x => x.i)
                    .Select(x => (IActivity)TranscriptJson.Deserialize(x.e.Json)).ToList()
                : [];
        }
        return Task.FromResult(TranscriptJson.Page(activities, continuationToken));
    }

    public Task<PagedResult<TranscriptInfo>> ListTranscriptsAsync(string channelId, string? continuationToken = null)
    {
        List<TranscriptInfo> infos;
        lock (_gate)
        {
            infos = _transcripts.Where(t => t.Key.Channel == channelId && t.Value.Count > 0).OrderBy(t => t.Key.Conversation, StringComparer.Ordinal)
                .Select(t => new TranscriptInfo { ChannelId = channelId, Id = t.Key.Conversation, Created = t.Value.Min(e => e.At) }).ToList();
        }
        return Task.FromResult(TranscriptJson.Page(infos, continuationToken, 20));
    }

    public Task DeleteTranscriptAsync(string channelId, string conversationId)
    {
        lock (_gate)
        {
            _transcripts.Remove((channelId, conversationId));
        }
        return Task.CompletedTask;
    }

    public Task<IReadOnlyList<(string ChannelId, string ConversationId)>> ConversationsOfAsync(string visitorId, CancellationToken cancellationToken = default)
    {
        lock (_gate)
        {
            IReadOnlyList<(string, string)> result = _transcripts.Where(t => t.Value.Any(e => e.Visitor == visitorId)).Select(t => t.Key).ToList();
            return Task.FromResult(result);
        }
    }

    public Task<int> ForgetIndexAsync(string visitorId, CancellationToken cancellationToken = default) => Task.FromResult(0);
}
