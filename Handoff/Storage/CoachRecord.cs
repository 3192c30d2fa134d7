using Microsoft.Bot.Builder;
using Microsoft.Bot.Schema;

namespace ChatBot.Handoff.Storage;

/// <summary>A coach's status, where to reach them (their agent conversation) and the chat they are in.</summary>
public sealed class CoachRecord : IStoreItem
{
    public string? ETag { get; set; }
    public string CoachId { get; set; } = "";
    public CoachStatus Status { get; set; } = CoachStatus.Available;
    /// <summary>The coach's own conversation with the bot (console or Teams), for alerts and relays.</summary>
    public ConversationReference? AgentReference { get; set; }
    /// <summary>The visitor conversation this coach is connected to, if any (one chat at a time).</summary>
    public string? ActiveRecordKey { get; set; }
    public int? ActiveTicket { get; set; }

    public bool CanBeAlerted => Status == CoachStatus.Available && AgentReference != null;
}
