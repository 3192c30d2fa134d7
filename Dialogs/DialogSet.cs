using Microsoft.Bot.Builder;

namespace ChatBot.Dialogs;

/// <summary>
/// A set of dialogs that can start each other. The root set is bound to the state property that
/// holds the stack; a component dialog's inner set has no accessor (its stack lives in the
/// component's own state).
/// </summary>
public class DialogSet
{
    private readonly IStatePropertyAccessor<DialogState>? _dialogState;
    private readonly Dictionary<string, Dialog> _dialogs = new(StringComparer.Ordinal);

    public DialogSet(IStatePropertyAccessor<DialogState> dialogState)
    {
        _dialogState = dialogState ?? throw new ArgumentNullException(nameof(dialogState));
    }

    internal DialogSet()
    {
    }

    /// <summary>Adds a dialog; its id must be unique within the set.</summary>
    public DialogSet Add(Dialog dialog)
    {
        ArgumentNullException.ThrowIfNull(dialog);
        if (!_dialogs.TryAdd(dialog.Id, dialog))
        {
            throw new ArgumentException($"A dialog with the id '{dialog.Id}' is already in the set.", nameof(dialog));
        }
        return this;
    }

    public Dialog? Find(string dialogId) =>
        dialogId != null && _dialogs.TryGetValue(dialogId, out var dialog) ? dialog : null;

    public IEnumerable<Dialog> GetDialogs() => _dialogs.Values;

    /// <summary>Loads the stack for this turn and wraps it in a context.</summary>
    public async Task<DialogContext> CreateContextAsync(ITurnContext turnContext, CancellationToken cancellationToken = default)
    {
        if (_dialogState == null)
        {
            throw new InvalidOperationException("This DialogSet has no state accessor: create contexts from the root set.");
        }
        var state = await _dialogState.GetAsync(turnContext, () => new DialogState(), cancellationToken);
        state.DialogStack ??= new List<DialogInstance>();
        return new DialogContext(this, turnContext, state);
    }
}
