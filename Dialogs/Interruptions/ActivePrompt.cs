using ChatBot.Dialogs.Prompts;

namespace ChatBot.Dialogs.Interruptions;

/// <summary>Lets an interruption handler see which question is waiting, however deeply it is nested.</summary>
public static class ActivePrompt
{
    /// <summary>
    /// The options of the prompt waiting for the user's answer: follows the active dialog down through
    /// component dialogs' inner stacks. Null when the innermost active dialog is not a prompt.
    /// </summary>
    public static PromptOptions? GetActivePromptOptions(this DialogContext dc)
    {
        var instance = dc.ActiveDialog;
        while (instance != null)
        {
            if (instance.State.TryGetValue(ComponentDialog.PersistedDialogStateKey, out var inner) && inner is DialogState innerState)
            {
                instance = innerState.DialogStack.Count > 0 ? innerState.DialogStack[0] : null;
                continue;
            }
            return instance.State.TryGetValue(PromptStateKeys.Options, out var options) ? options as PromptOptions : null;
        }
        return null;
    }
}
