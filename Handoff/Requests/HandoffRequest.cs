namespace ChatBot.Handoff.Requests;

/// <summary>
/// What a dialog knows when it asks for a person: the coach sees all of it in the queue and the alert,
/// and the typed fields feed the handoff events. Free text (Reason, QualificationSummary) is shown to
/// coaches only, never written to outcome events.
/// </summary>
public sealed record HandoffRequest
{
    /// <summary>sales or support (a team name from Handoff:Teams).</summary>
    public required string Team { get; init; }

    /// <summary>Why the visitor wants a person, in a few words ("asked for a demo", "billing problem").</summary>
    public string? Reason { get; init; }

    /// <summary>The visitor classification (e.g. prospect, customer, partner, job-seeker).</summary>
    public string? VisitorType { get; init; }

    /// <summary>The intent the dialogs recognised (e.g. pricing, demo, bug).</summary>
    public string? Intent { get; init; }

    /// <summary>One or two lines summarising the qualification answers, for the coach.</summary>
    public string? QualificationSummary { get; init; }

    /// <summary>The visitor's name, when the dialogs asked for it.</summary>
    public string? VisitorName { get; init; }

    /// <summary>
    /// The visitor's email, when the dialogs already have it: if nobody can take the chat, the visitor is
    /// told a coach will follow up at this address instead of being asked for one.
    /// </summary>
    public string? VisitorEmail { get; init; }
}
