using Microsoft.Bot.Builder;

namespace ChatBot.Handoff.Transcripts;

/// <summary>The stored, bounded list of recent lines of one conversation.</summary>
public sealed class TranscriptItem : IStoreItem
{
    public string? ETag { get; set; }
    public List<TranscriptLine> Lines { get; set; } = [];
}
