namespace ChatBot.Dialogs;

/// <summary>What a dialog operation did: its status and, when a dialog completed, its result.</summary>
public class DialogTurnResult
{
    public DialogTurnResult(DialogTurnStatus status, object? result = null)
    {
        Status = status;
        Result = result;
    }

    public DialogTurnStatus Status { get; set; }

    public object? Result { get; set; }

    /// <summary>True when the dialog that ended was the component's or the stack's last one.</summary>
    public bool ParentEnded { get; set; }
}
