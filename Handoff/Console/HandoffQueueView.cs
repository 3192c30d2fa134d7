using ChatBot.Handoff.Privacy;
using ChatBot.Handoff.Storage;
using ChatBot.Handoff.Transcripts;

namespace ChatBot.Handoff.Console;

/// <summary>The waiting requests in line order, checked against their records (the index is only a pointer list).</summary>
public sealed class HandoffQueueView(HandoffOperations ops)
{
    public async Task<IReadOnlyList<WaitingRequest>> ListAsync(CancellationToken cancellationToken = default)
    {
        var index = await ops.Store.GetQueueAsync(cancellationToken);
        var now = ops.Now;
        var result = new List<WaitingRequest>();
        foreach (var entry in index.InLine())
        {
            var record = await ops.Store.GetAsync<HandoffRecord>(HandoffStore.RecordKey(entry.ChannelId, entry.ConversationId), cancellationToken);
            if (record is not { State: HandoffState.Queued } || record.RequestId != entry.RequestId)
            {
                continue;
            }
            var lines = await ops.Transcripts.ReadAsync(record.ChannelId, record.ConversationId, cancellationToken);
            var last = lines.Where(l => l.Role == TranscriptLine.Visitor).TakeLast(3).Select(l => Shorten(l.Text)).ToList();
            result.Add(new WaitingRequest(record.Ticket, record.Team, index.PositionOf(entry), (long)Math.Max(0, (now - record.QueuedAt).TotalSeconds),
                record.VisitorName, record.VisitorType, record.Intent, record.Reason, record.QualificationSummary, last,
                VisitorCopies.ConversationKey(record.ChannelId, record.ConversationId)));
        }
        return result;
    }

    private static string Shorten(string text) => text.Length <= 80 ? text : text[..77] + "...";
}
