namespace ChatBot.Dialogs;

/// <summary>Why a dialog is being resumed or ended (same values as the SDK's).</summary>
public enum DialogReason
{
    BeginCalled,
    ContinueCalled,
    EndCalled,
    ReplaceCalled,
    CancelCalled,
    NextCalled,
}
