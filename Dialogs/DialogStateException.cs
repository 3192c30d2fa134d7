namespace ChatBot.Dialogs;

/// <summary>
/// The stored stack does not match the dialogs this build knows (a dialog was renamed or removed,
/// or a waterfall's steps changed since the conversation was saved). <c>RunAsync</c> catches it and
/// restarts the conversation politely.
/// </summary>
public sealed class DialogStateException : Exception
{
    public DialogStateException(string message)
        : base(message)
    {
    }
}
