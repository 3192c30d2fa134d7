namespace ChatBot.Handoff.Requests;

/// <param name="Status">What happened.</param>
/// <param name="Position">Queued: the visitor's place in line (1 = next).</param>
/// <param name="MissedReason">Missed: closed-hours or nobody-available (see <see cref="HandoffOutcomes"/>).</param>
public sealed record HandoffRequestResult(HandoffRequestStatus Status, int? Position = null, string? MissedReason = null)
{
    /// <summary>
    /// True when the handoff now owns the conversation or has already spoken to the visitor: the dialog should
    /// send nothing more this turn (further bot messages to a queued or connected visitor are dropped anyway)
    /// and wait for the "handoff.ended" event.
    /// </summary>
    public bool HandoffHasSpoken => Status is HandoffRequestStatus.Queued or HandoffRequestStatus.Initiated or HandoffRequestStatus.Missed;
}
