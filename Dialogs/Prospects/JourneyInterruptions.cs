using ChatBot.Dialogs.Interruptions;

namespace ChatBot.Dialogs.Prospects;

/// <summary>
/// The engine's <see cref="StandardInterruptions"/> ("help", "start over", "talk to a person") for the journey's
/// dialogs, with one difference where the dialog is a single question: there "start over" ends the dialog with
/// <see cref="StartOver"/> (MainDialog offers the starting points again) instead of asking the same question anew.
/// In the qualification it restarts the questions, as the engine does.
/// </summary>
public sealed class JourneyInterruptions(InterruptionOptions options, bool restartEndsDialog) : IDialogInterruption
{
    private readonly StandardInterruptions _standard = new(options);

    public async Task<InterruptionResult> InterruptAsync(DialogContext innerDc, CancellationToken cancellationToken)
    {
        var result = await _standard.InterruptAsync(innerDc, cancellationToken);
        return restartEndsDialog && result.Action == InterruptionAction.Restart
            ? InterruptionResult.End(new StartOver())
            : result;
    }

    /// <summary>A copy of <paramref name="options"/> (the shared phrases) with a help text for one dialog.</summary>
    public static InterruptionOptions WithHelp(InterruptionOptions options, string helpText) => new()
    {
        HelpText = helpText,
        RestartText = options.RestartText,
        HandoffText = options.HandoffText,
        HelpPhrases = options.HelpPhrases,
        RestartPhrases = options.RestartPhrases,
        HandoffPhrases = options.HandoffPhrases,
        HandoffWords = options.HandoffWords,
    };
}
