using ChatBot.Dialogs.Interruptions;
using Microsoft.Bot.Builder;
using Microsoft.Bot.Schema;

namespace ChatBot.Dialogs;

/// <summary>
/// A dialog made of other dialogs (its own inner set and stack), started at <see cref="InitialDialogId"/>.
/// Before each user message reaches the inner active dialog, the component's interruption hook
/// (<see cref="OnInterruptAsync"/>, which by default asks each of <see cref="Interruptions"/> in order)
/// may handle it. Nested components are asked outermost first.
/// </summary>
public class ComponentDialog : Dialog
{
    internal const string PersistedDialogStateKey = "dialogs";
    private const string PersistedOptionsKey = "options";

    private readonly DialogSet _dialogs = new();

    public ComponentDialog(string dialogId)
        : base(dialogId)
    {
    }

    /// <summary>The inner dialog started when the component begins; the first one added if not set.</summary>
    public string? InitialDialogId { get; set; }

    /// <summary>Injected handlers asked, in order, about each user message before the active step.</summary>
    public IList<IDialogInterruption> Interruptions { get; } = new List<IDialogInterruption>();

    public ComponentDialog AddDialog(Dialog dialog)
    {
        _dialogs.Add(dialog);
        InitialDialogId ??= dialog.Id;
        return this;
    }

    public Dialog? FindDialog(string dialogId) => _dialogs.Find(dialogId);

    public override async Task<DialogTurnResult> BeginDialogAsync(DialogContext outerDc, object? options = null, CancellationToken cancellationToken = default)
    {
        var instance = outerDc.ActiveDialog!;
        instance.State[PersistedDialogStateKey] = new DialogState();
        if (options != null)
        {
            instance.State[PersistedOptionsKey] = options;
        }
        var innerDc = CreateInnerDc(outerDc, instance);
        var turnResult = await OnBeginDialogAsync(innerDc, options, cancellationToken);
        return await AfterInnerTurnAsync(outerDc, turnResult, cancellationToken);
    }

    public override async Task<DialogTurnResult> ContinueDialogAsync(DialogContext outerDc, CancellationToken cancellationToken = default)
    {
        var instance = outerDc.ActiveDialog!;
        var innerDc = CreateInnerDc(outerDc, instance);

        if (outerDc.Context.Activity.Type == ActivityTypes.Message)
        {
            var interruption = await OnInterruptAsync(innerDc, cancellationToken);
            switch (interruption.Action)
            {
                case InterruptionAction.Reprompt:
                    await innerDc.RepromptDialogAsync(cancellationToken);
                    return EndOfTurn;
                case InterruptionAction.Wait:
                    return EndOfTurn;
                case InterruptionAction.Restart:
                    await innerDc.CancelAllDialogsAsync(cancellationToken);
                    instance.State.TryGetValue(PersistedOptionsKey, out var options);
                    return await AfterInnerTurnAsync(outerDc, await OnBeginDialogAsync(innerDc, options, cancellationToken), cancellationToken);
                case InterruptionAction.End:
                    await innerDc.CancelAllDialogsAsync(cancellationToken);
                    return await EndComponentAsync(outerDc, interruption.Result, cancellationToken);
            }
        }

        var turnResult = await OnContinueDialogAsync(innerDc, cancellationToken);
        return await AfterInnerTurnAsync(outerDc, turnResult, cancellationToken);
    }

    /// <summary>A dialog the component started on the outer stack ended: ask the inner dialog again.</summary>
    public override async Task<DialogTurnResult> ResumeDialogAsync(DialogContext outerDc, DialogReason reason, object? result = null, CancellationToken cancellationToken = default)
    {
        await RepromptDialogAsync(outerDc.Context, outerDc.ActiveDialog!, cancellationToken);
        return EndOfTurn;
    }

    public override async Task RepromptDialogAsync(ITurnContext turnContext, DialogInstance instance, CancellationToken cancellationToken = default)
    {
        var innerDc = CreateInnerDc(turnContext, instance);
        await innerDc.RepromptDialogAsync(cancellationToken);
    }

    public override async Task EndDialogAsync(ITurnContext turnContext, DialogInstance instance, DialogReason reason, CancellationToken cancellationToken = default)
    {
        if (reason == DialogReason.CancelCalled)
        {
            var innerDc = CreateInnerDc(turnContext, instance);
            await innerDc.CancelAllDialogsAsync(cancellationToken);
        }
    }

    /// <summary>The interruption hook: sees each user message first. Default: ask <see cref="Interruptions"/> in order.</summary>
    protected virtual async Task<InterruptionResult> OnInterruptAsync(DialogContext innerDc, CancellationToken cancellationToken)
    {
        foreach (var handler in Interruptions)
        {
            var result = await handler.InterruptAsync(innerDc, cancellationToken);
            if (result.Action != InterruptionAction.NotHandled)
            {
                return result;
            }
        }
        return InterruptionResult.NotHandled;
    }

    protected virtual Task<DialogTurnResult> OnBeginDialogAsync(DialogContext innerDc, object? options, CancellationToken cancellationToken)
    {
        var initial = InitialDialogId ?? throw new InvalidOperationException($"ComponentDialog '{Id}' has no dialogs.");
        return innerDc.BeginDialogAsync(initial, options, cancellationToken);
    }

    protected virtual Task<DialogTurnResult> OnContinueDialogAsync(DialogContext innerDc, CancellationToken cancellationToken) =>
        innerDc.ContinueDialogAsync(cancellationToken);

    /// <summary>Ends the component on the outer stack with <paramref name="result"/>.</summary>
    protected virtual Task<DialogTurnResult> EndComponentAsync(DialogContext outerDc, object? result, CancellationToken cancellationToken) =>
        outerDc.EndDialogAsync(result, cancellationToken);

    private async Task<DialogTurnResult> AfterInnerTurnAsync(DialogContext outerDc, DialogTurnResult turnResult, CancellationToken cancellationToken) =>
        turnResult.Status == DialogTurnStatus.Waiting
            ? EndOfTurn
            : await EndComponentAsync(outerDc, turnResult.Result, cancellationToken);

    private DialogContext CreateInnerDc(DialogContext outerDc, DialogInstance instance) =>
        new(_dialogs, outerDc, InnerState(instance));

    // Reprompt and cleanup run without the outer context; the inner one then has no parent to search.
    private DialogContext CreateInnerDc(ITurnContext turnContext, DialogInstance instance) =>
        new(_dialogs, turnContext, InnerState(instance));

    private DialogState InnerState(DialogInstance instance)
    {
        if (instance.State.TryGetValue(PersistedDialogStateKey, out var value) && value is DialogState state)
        {
            return state;
        }
        throw new DialogStateException($"Component '{Id}' was stored without its inner dialog stack.");
    }
}
