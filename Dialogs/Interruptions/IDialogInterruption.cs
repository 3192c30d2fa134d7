namespace ChatBot.Dialogs.Interruptions;

/// <summary>
/// Sees each user message before the active step of a <see cref="ComponentDialog"/> and may handle it
/// ("help", "start over", "talk to a person"...). <paramref name="innerDc"/> is the component's inner
/// context: its ActiveDialog is the prompt or dialog waiting for the answer.
/// </summary>
public interface IDialogInterruption
{
    Task<InterruptionResult> InterruptAsync(DialogContext innerDc, CancellationToken cancellationToken);
}
