namespace ChatBot.Dialogs;

/// <summary>
/// The persisted dialog stack (top of the stack at index 0, as in the SDK). Kept in
/// ConversationState through an <c>IStatePropertyAccessor&lt;DialogState&gt;</c>.
/// </summary>
public class DialogState
{
    public DialogState()
        : this(null)
    {
    }

    public DialogState(List<DialogInstance>? stack)
    {
        DialogStack = stack ?? new List<DialogInstance>();
    }

    public List<DialogInstance> DialogStack { get; set; }
}
