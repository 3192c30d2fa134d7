namespace ChatBot.Dialogs.Interruptions;

/// <summary>An interruption handler's verdict on one message.</summary>
public sealed class InterruptionResult
{
    private InterruptionResult(InterruptionAction action, object? result)
    {
        Action = action;
        Result = result;
    }

    public static InterruptionResult NotHandled { get; } = new(InterruptionAction.NotHandled, null);

    public static InterruptionResult Reprompt { get; } = new(InterruptionAction.Reprompt, null);

    public static InterruptionResult Wait { get; } = new(InterruptionAction.Wait, null);

    public static InterruptionResult Restart { get; } = new(InterruptionAction.Restart, null);

    public InterruptionAction Action { get; }

    /// <summary>With <see cref="InterruptionAction.End"/>: what the component ends with (e.g. <see cref="HandoffRequested"/>).</summary>
    public object? Result { get; }

    public static InterruptionResult End(object? result) => new(InterruptionAction.End, result);
}
