using Microsoft.Bot.Builder;
using Microsoft.Bot.Schema;

namespace ChatBot.Handoff.Storage;

/// <summary>
/// The handoff state of one visitor conversation, and its current (or last) request. It is the single source
/// of truth for who owns the conversation; every change is an ETag-checked write, so two coaches, two turns or
/// two instances cannot both win.
/// </summary>
public sealed class HandoffRecord : IStoreItem
{
    public string? ETag { get; set; }

    public string ChannelId { get; set; } = "";
    public string ConversationId { get; set; } = "";
    /// <summary>How to reach the visitor proactively (relays, timeouts), from any instance, after restarts.</summary>
    public ConversationReference? VisitorReference { get; set; }
    public string? VisitorId { get; set; }
    public string? VisitorName { get; set; }
    public string? VisitorEmail { get; set; }

    public HandoffState State { get; set; } = HandoffState.Bot;
    /// <summary>New for each request, so a stale queue entry or timer never touches a later request.</summary>
    public string RequestId { get; set; } = "";
    /// <summary>The number coaches use: accept 12.</summary>
    public int Ticket { get; set; }
    public bool External { get; set; }

    public string Team { get; set; } = "";
    public string? Reason { get; set; }
    public string? VisitorType { get; set; }
    public string? Intent { get; set; }
    public string? QualificationSummary { get; set; }

    public DateTimeOffset RequestedAt { get; set; }
    /// <summary>Place in line; kept on a transfer or a failed relay so the visitor does not start again at the back.</summary>
    public DateTimeOffset QueuedAt { get; set; }
    public DateTimeOffset AcceptDeadline { get; set; }
    public List<string> AlertedCoachIds { get; set; } = [];

    public string? CoachId { get; set; }
    public string? CoachName { get; set; }
    public DateTimeOffset? AcceptedAt { get; set; }
    public DateTimeOffset? FirstReplyAt { get; set; }
    public List<HandoffNote> Notes { get; set; } = [];

    public DateTimeOffset? ClosedAt { get; set; }
    /// <summary>Closed: qualified, not-qualified, resolved, missed or abandoned.</summary>
    public string? Outcome { get; set; }
    public string? MissedReason { get; set; }
    /// <summary>Missed: the next visitor message is read as the email for a follow-up.</summary>
    public bool AwaitingFollowUpEmail { get; set; }
    public string? FollowUpEmail { get; set; }

    /// <summary>Queued or connected: the handoff owns the conversation and the bot must stay silent.</summary>
    /// <summary>
    /// Whether a person took care of the visitor: a coach accepted and wrote to them (what the metrics count as a
    /// handled chat), or in External mode the hub's agent accepted (the hub does not tell us when they write).
    /// </summary>
    public bool WasHandledByCoach() => FirstReplyAt != null || (External && AcceptedAt != null);

    public bool OwnsConversation => State is HandoffState.Queued or HandoffState.Connected;
}
