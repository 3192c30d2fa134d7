using Microsoft.Bot.Builder;
using Microsoft.Extensions.Logging;

namespace ChatBot.Dialogs;

/// <summary>The bot's entry point into a dialog, like the SDK's <c>dialog.RunAsync(turnContext, accessor)</c>.</summary>
public static class DialogExtensions
{
    /// <summary>
    /// Continues the conversation's active dialog with this turn, or begins <paramref name="dialog"/> when
    /// none is active. The stack is read through <paramref name="accessor"/>; the caller saves
    /// ConversationState at the end of the turn as usual. The returned result says whether the dialog is
    /// waiting or completed (and with what, e.g. a HandoffRequested).
    /// </summary>
    public static Task<DialogTurnResult> RunAsync(this Dialog dialog, ITurnContext turnContext, IStatePropertyAccessor<DialogState> accessor, CancellationToken cancellationToken = default) =>
        RunAsync(dialog, turnContext, accessor, null, cancellationToken);

    /// <summary>
    /// As above. Two failures are handled here rather than by the adapter: a stored stack this build cannot
    /// resume (a dialog or step was renamed, removed or moved) is dropped and the dialog restarts with
    /// <see cref="DialogRunOptions.RestartText"/>; an exception in a step is logged, the user gets
    /// <see cref="DialogRunOptions.ApologyText"/> once, the stack is cleared (so nothing half-run is saved)
    /// and the result is Cancelled.
    /// </summary>
    public static async Task<DialogTurnResult> RunAsync(this Dialog dialog, ITurnContext turnContext, IStatePropertyAccessor<DialogState> accessor, DialogRunOptions? options, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(dialog);
        ArgumentNullException.ThrowIfNull(turnContext);
        ArgumentNullException.ThrowIfNull(accessor);
        options ??= new DialogRunOptions();

        var dialogSet = new DialogSet(accessor).Add(dialog);
        var dc = await dialogSet.CreateContextAsync(turnContext, cancellationToken);
        try
        {
            try
            {
                var result = await dc.ContinueDialogAsync(cancellationToken);
                if (result.Status == DialogTurnStatus.Empty)
                {
                    result = await dc.BeginDialogAsync(dialog.Id, null, cancellationToken);
                }
                return result;
            }
            catch (DialogStateException stale)
            {
                options.Logger?.LogWarning(stale, "Restarting dialog {DialogId} in conversation {ConversationId}: stored stack is stale",
                    dialog.Id, turnContext.Activity.Conversation?.Id);
                dc.Stack.Clear();
                await turnContext.SendActivityAsync(options.RestartText, cancellationToken: cancellationToken);
                return await dc.BeginDialogAsync(dialog.Id, null, cancellationToken);
            }
        }
        catch (Exception error) when (error is not OperationCanceledException)
        {
            options.Logger?.LogError(error, "Dialog {DialogId} failed in conversation {ConversationId}; stack cleared",
                dialog.Id, turnContext.Activity.Conversation?.Id);
            dc.Stack.Clear();
            await turnContext.SendActivityAsync(options.ApologyText, cancellationToken: cancellationToken);
            return new DialogTurnResult(DialogTurnStatus.Cancelled);
        }
    }
}
