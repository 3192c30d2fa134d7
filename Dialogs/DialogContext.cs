using ChatBot.Dialogs.Prompts;
using Microsoft.Bot.Builder;

namespace ChatBot.Dialogs;

/// <summary>
/// A dialog set, the turn and the stack together: the operations a dialog (or the bot) uses to start,
/// continue and end dialogs. Results of ended children flow back to their parent's
/// <see cref="Dialog.ResumeDialogAsync"/>; options flow down to the child's BeginDialogAsync.
/// </summary>
public class DialogContext
{
    public DialogContext(DialogSet dialogs, ITurnContext turnContext, DialogState state)
    {
        Dialogs = dialogs ?? throw new ArgumentNullException(nameof(dialogs));
        Context = turnContext ?? throw new ArgumentNullException(nameof(turnContext));
        ArgumentNullException.ThrowIfNull(state);
        Stack = state.DialogStack ??= new List<DialogInstance>();
    }

    /// <summary>A component dialog's inner context: its own set and stack, the same turn.</summary>
    public DialogContext(DialogSet dialogs, DialogContext parentDialogContext, DialogState state)
        : this(dialogs, parentDialogContext?.Context ?? throw new ArgumentNullException(nameof(parentDialogContext)), state)
    {
        Parent = parentDialogContext;
    }

    public DialogSet Dialogs { get; }

    public ITurnContext Context { get; }

    /// <summary>The stack, top first.</summary>
    public List<DialogInstance> Stack { get; }

    /// <summary>The context of the component dialog that owns this one, if any.</summary>
    public DialogContext? Parent { get; internal set; }

    public DialogInstance? ActiveDialog => Stack.Count > 0 ? Stack[0] : null;

    /// <summary>Finds a dialog in this set or, failing that, in the parents' sets (as the SDK does).</summary>
    public Dialog? FindDialog(string dialogId) => Dialogs.Find(dialogId) ?? Parent?.FindDialog(dialogId);

    /// <summary>Pushes a dialog on the stack and starts it with <paramref name="options"/>.</summary>
    public async Task<DialogTurnResult> BeginDialogAsync(string dialogId, object? options = null, CancellationToken cancellationToken = default)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(dialogId);
        var dialog = FindDialog(dialogId)
            ?? throw new ArgumentException($"BeginDialogAsync: no dialog with the id '{dialogId}' was added to the set.", nameof(dialogId));
        Stack.Insert(0, new DialogInstance { Id = dialogId, State = new Dictionary<string, object>() });
        return await dialog.BeginDialogAsync(this, options, cancellationToken);
    }

    /// <summary>Starts a prompt; the same as BeginDialogAsync with typed options.</summary>
    public Task<DialogTurnResult> PromptAsync(string dialogId, PromptOptions options, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(options);
        return BeginDialogAsync(dialogId, options, cancellationToken);
    }

    /// <summary>Hands the turn to the active dialog; Empty when the stack is empty.</summary>
    public async Task<DialogTurnResult> ContinueDialogAsync(CancellationToken cancellationToken = default)
    {
        var instance = ActiveDialog;
        if (instance == null)
        {
            return new DialogTurnResult(DialogTurnStatus.Empty);
        }
        return await FindActive(instance).ContinueDialogAsync(this, cancellationToken);
    }

    /// <summary>Ends the active dialog and resumes its parent with <paramref name="result"/>.</summary>
    public async Task<DialogTurnResult> EndDialogAsync(object? result = null, CancellationToken cancellationToken = default)
    {
        await EndActiveDialogAsync(DialogReason.EndCalled, cancellationToken);
        var parent = ActiveDialog;
        if (parent != null)
        {
            return await FindActive(parent).ResumeDialogAsync(this, DialogReason.EndCalled, result, cancellationToken);
        }
        return new DialogTurnResult(DialogTurnStatus.Complete, result) { ParentEnded = true };
    }

    /// <summary>Ends every dialog on this stack (each one's EndDialogAsync sees CancelCalled).</summary>
    public async Task<DialogTurnResult> CancelAllDialogsAsync(CancellationToken cancellationToken = default)
    {
        if (Stack.Count == 0)
        {
            return new DialogTurnResult(DialogTurnStatus.Empty);
        }
        while (Stack.Count > 0)
        {
            await EndActiveDialogAsync(DialogReason.CancelCalled, cancellationToken);
        }
        return new DialogTurnResult(DialogTurnStatus.Cancelled);
    }

    /// <summary>Ends the active dialog and starts another in its place (the parent is not resumed): loops.</summary>
    public async Task<DialogTurnResult> ReplaceDialogAsync(string dialogId, object? options = null, CancellationToken cancellationToken = default)
    {
        await EndActiveDialogAsync(DialogReason.ReplaceCalled, cancellationToken);
        return await BeginDialogAsync(dialogId, options, cancellationToken);
    }

    /// <summary>Asks the active dialog to prompt again.</summary>
    public async Task RepromptDialogAsync(CancellationToken cancellationToken = default)
    {
        var instance = ActiveDialog;
        if (instance != null)
        {
            await FindActive(instance).RepromptDialogAsync(Context, instance, cancellationToken);
        }
    }

    private async Task EndActiveDialogAsync(DialogReason reason, CancellationToken cancellationToken)
    {
        var instance = ActiveDialog;
        if (instance == null)
        {
            return;
        }
        // A dialog that no longer exists has nothing to clean up; dropping its entry is enough.
        var dialog = FindDialog(instance.Id);
        if (dialog != null)
        {
            await dialog.EndDialogAsync(Context, instance, reason, cancellationToken);
        }
        Stack.RemoveAt(0);
    }

    private Dialog FindActive(DialogInstance instance) =>
        FindDialog(instance.Id)
        ?? throw new DialogStateException($"The stored dialog stack names '{instance.Id}', which this version of the bot does not have.");
}
