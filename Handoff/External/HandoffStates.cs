namespace ChatBot.Handoff.External;

/// <summary>The handoff protocol's event names and the states an agent hub reports in handoff.status.</summary>
public static class HandoffStates
{
    public const string InitiateEvent = "handoff.initiate";
    public const string StatusEvent = "handoff.status";

    public const string Accepted = "accepted";
    public const string Failed = "failed";
    public const string Completed = "completed";
}
