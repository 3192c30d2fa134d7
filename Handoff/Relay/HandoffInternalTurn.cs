namespace ChatBot.Handoff.Relay;

/// <summary>
/// Marks the proactive turns the handoff itself starts (relays, alerts, the handoff.ended turn), so the
/// middleware lets them through instead of routing them like a visitor's message. An AsyncLocal flows into the
/// adapter's pipeline but cannot be set by anything arriving over the wire, so a client cannot fake one.
/// </summary>
public static class HandoffInternalTurn
{
    private static readonly AsyncLocal<bool> Active = new();

    public static bool IsActive => Active.Value;

    public static async Task RunAsync(Func<Task> action)
    {
        // Set inside an async method: the caller's context is untouched when this returns.
        Active.Value = true;
        await action();
    }
}
