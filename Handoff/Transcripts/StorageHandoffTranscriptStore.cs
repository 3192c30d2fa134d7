using ChatBot.Handoff.Options;
using ChatBot.Handoff.Storage;
using Microsoft.Extensions.Options;

namespace ChatBot.Handoff.Transcripts;

/// <summary>Keeps the last Handoff:TranscriptTurns lines of each conversation in one item on the shared IStorage.</summary>
public sealed class StorageHandoffTranscriptStore(HandoffStore store, IOptions<HandoffOptions> options) : IHandoffTranscriptStore
{
    private readonly int _max = options.Value.TranscriptTurns;

    public Task AppendAsync(string channelId, string conversationId, IReadOnlyList<TranscriptLine> lines, CancellationToken cancellationToken = default)
    {
        if (lines.Count == 0)
        {
            return Task.CompletedTask;
        }
        var key = HandoffStore.TranscriptKey(channelId, conversationId);
        return store.TransactAsync([key], snapshot =>
        {
            var item = snapshot.Get<TranscriptItem>(key) ?? new TranscriptItem();
            item.Lines.AddRange(lines);
            if (item.Lines.Count > _max)
            {
                item.Lines.RemoveRange(0, item.Lines.Count - _max);
            }
            snapshot.Put(key, item);
            return true;
        }, cancellationToken);
    }

    public async Task<IReadOnlyList<TranscriptLine>> ReadAsync(string channelId, string conversationId, CancellationToken cancellationToken = default)
    {
        var item = await store.GetAsync<TranscriptItem>(HandoffStore.TranscriptKey(channelId, conversationId), cancellationToken);
        return item?.Lines ?? [];
    }
}
