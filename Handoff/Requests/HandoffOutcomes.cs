namespace ChatBot.Handoff.Requests;

/// <summary>The outcome strings of <see cref="HandoffEnded.Outcome"/> and of the handoff.ended / handoff.missed events.</summary>
public static class HandoffOutcomes
{
    // A coach ended the chat (end [qualified|not-qualified|resolved]; resolved when none is given).
    public const string Qualified = "qualified";
    public const string NotQualified = "not-qualified";
    public const string Resolved = "resolved";

    // Nobody took the request (handoff.missed's Outcome says why).
    public const string Missed = "missed";
    public const string Timeout = "timeout";
    public const string NobodyAvailable = "nobody-available";
    public const string ClosedHours = "closed-hours";
    /// <summary>External mode: the agent hub answered handoff.status failed.</summary>
    public const string Failed = "failed";

    /// <summary>The visitor left the queue ("never mind").</summary>
    public const string Abandoned = "abandoned";
}
