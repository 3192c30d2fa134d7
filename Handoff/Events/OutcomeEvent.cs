namespace ChatBot.Handoff.Events;

/// <summary>
/// One outcome of a conversation (an FAQ answered, a handoff accepted, feedback given...).
/// The team's metrics are computed from these and nothing else, so every field that a
/// metric needs is a typed property here. Message text is never stored, except the
/// question of an unanswered FAQ (<see cref="Question"/>), which feeds the knowledge-base backlog.
/// The names and fields are documented in docs/events.md.
/// </summary>
public sealed record OutcomeEvent
{
    public const int CurrentSchemaVersion = 1;

    public int SchemaVersion { get; init; } = CurrentSchemaVersion;
    public string Id { get; init; } = Guid.NewGuid().ToString("N");
    /// <summary>One of <see cref="OutcomeEventNames"/>.</summary>
    public required string Name { get; init; }
    public DateTimeOffset Timestamp { get; init; } = DateTimeOffset.UtcNow;
    public required string ConversationId { get; init; }
    public string? VisitorId { get; init; }
    public string? Channel { get; init; }

    /// <summary>sales or support, where the event concerns a team.</summary>
    public string? Team { get; init; }
    public string? VisitorType { get; init; }
    public string? Intent { get; init; }
    public string? FaqEntryId { get; init; }
    /// <summary>FAQ confidence or qualification score.</summary>
    public double? Score { get; init; }
    public bool? Qualified { get; init; }
    /// <summary>Where the visitor was routed: sales, support or self-serve.</summary>
    public string? Route { get; init; }
    public string? CoachId { get; init; }
    /// <summary>Accepted: wait in queue. First reply: time from the request to the coach's first message.</summary>
    public long? DurationMs { get; init; }
    /// <summary>Ended: qualified, not-qualified or resolved. Missed: why (timeout, nobody-available, closed-hours).</summary>
    public string? Outcome { get; init; }
    /// <summary>CSAT: true for positive.</summary>
    public bool? Positive { get; init; }
    /// <summary>CSAT: whether a coach handled the conversation.</summary>
    public bool? CoachHandled { get; init; }
    /// <summary>Only on faq.unanswered: the visitor's question.</summary>
    public string? Question { get; init; }
}

/// <summary>The event names, in one place.</summary>
public static class OutcomeEventNames
{
    public const string EngagementStarted = "engagement.started";
    public const string VisitorClassified = "visitor.classified";
    public const string FaqAnswered = "faq.answered";
    public const string FaqClarified = "faq.clarified";
    public const string FaqUnanswered = "faq.unanswered";
    public const string QualificationCompleted = "qualification.completed";
    public const string Routed = "routed";
    public const string HandoffRequested = "handoff.requested";
    public const string HandoffQueued = "handoff.queued";
    public const string HandoffAlerted = "handoff.alerted";
    public const string HandoffAccepted = "handoff.accepted";
    public const string HandoffFirstReply = "handoff.first_reply";
    public const string HandoffTransferred = "handoff.transferred";
    public const string HandoffNote = "handoff.note";
    public const string HandoffEnded = "handoff.ended";
    public const string HandoffMissed = "handoff.missed";
    public const string HandoffAbandoned = "handoff.abandoned";
    public const string CsatGiven = "csat.given";
}

/// <summary>Where dialogs and the handoff record outcomes. The host decides where they go.</summary>
public interface IOutcomeEventSink
{
    Task RecordAsync(OutcomeEvent outcome, CancellationToken cancellationToken = default);
}
