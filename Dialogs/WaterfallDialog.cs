using Microsoft.Bot.Schema;

namespace ChatBot.Dialogs;

/// <summary>
/// A dialog that runs its steps in order. A step usually prompts (the waterfall waits for the answer,
/// which becomes the next step's Result), or calls NextAsync to go straight on, or EndDialogAsync.
/// After the last step the waterfall ends with that step's result.
/// </summary>
public class WaterfallDialog : Dialog
{
    private const string OptionsKey = "options";
    private const string ValuesKey = "values";
    private const string StepIndexKey = "stepIndex";
    private const string StepNameKey = "stepName";
    private const string StepCountKey = "stepCount";

    private readonly List<WaterfallStep> _steps;

    public WaterfallDialog(string dialogId, IEnumerable<WaterfallStep>? steps = null)
        : base(dialogId)
    {
        _steps = steps?.ToList() ?? new List<WaterfallStep>();
    }

    public IReadOnlyList<WaterfallStep> Steps => _steps;

    /// <summary>
    /// The values of a stored waterfall instance (what its steps see as <see cref="WaterfallStepContext.Values"/>),
    /// for an interruption handler of the component that holds it; null before the waterfall began.
    /// </summary>
    public static IDictionary<string, object>? ValuesOf(DialogInstance instance) =>
        StateValues.Get<IDictionary<string, object>>(instance.State, ValuesKey);

    public WaterfallDialog AddStep(WaterfallStep step)
    {
        _steps.Add(step ?? throw new ArgumentNullException(nameof(step)));
        return this;
    }

    public override async Task<DialogTurnResult> BeginDialogAsync(DialogContext dc, object? options = null, CancellationToken cancellationToken = default)
    {
        var state = dc.ActiveDialog!.State;
        if (options != null)
        {
            state[OptionsKey] = options;
        }
        state[ValuesKey] = new Dictionary<string, object>();
        return await RunStepAsync(dc, 0, DialogReason.BeginCalled, null, cancellationToken);
    }

    public override async Task<DialogTurnResult> ContinueDialogAsync(DialogContext dc, CancellationToken cancellationToken = default)
    {
        // Only a message moves a waterfall on; typing indicators and the like leave it waiting.
        if (dc.Context.Activity.Type != ActivityTypes.Message)
        {
            return EndOfTurn;
        }
        return await ResumeDialogAsync(dc, DialogReason.ContinueCalled, dc.Context.Activity.Text, cancellationToken);
    }

    public override async Task<DialogTurnResult> ResumeDialogAsync(DialogContext dc, DialogReason reason, object? result = null, CancellationToken cancellationToken = default)
    {
        var state = dc.ActiveDialog!.State;
        var index = StateValues.GetInt(state, StepIndexKey, -1);
        CheckStoredStep(state, index);
        return await RunStepAsync(dc, index + 1, reason, result, cancellationToken);
    }

    /// <summary>Runs one step; override to log or time steps.</summary>
    protected virtual Task<DialogTurnResult> OnStepAsync(WaterfallStepContext stepContext, CancellationToken cancellationToken) =>
        _steps[stepContext.Index](stepContext, cancellationToken);

    private async Task<DialogTurnResult> RunStepAsync(DialogContext dc, int index, DialogReason reason, object? result, CancellationToken cancellationToken)
    {
        if (index >= _steps.Count)
        {
            // Past the last step: the waterfall ends with the last step's result.
            return await dc.EndDialogAsync(result, cancellationToken);
        }

        var state = dc.ActiveDialog!.State;
        state[StepIndexKey] = index;
        state[StepNameKey] = StepName(index);
        state[StepCountKey] = _steps.Count;
        state.TryGetValue(OptionsKey, out var options);
        var values = StateValues.Get<IDictionary<string, object>>(state, ValuesKey) ?? new Dictionary<string, object>();
        state[ValuesKey] = values;

        var stepContext = new WaterfallStepContext(this, dc, options, values, index, reason, result);
        return await OnStepAsync(stepContext, cancellationToken);
    }

    /// <summary>
    /// A conversation saved by an older build may point at a step that has moved or gone. Resuming it
    /// would run the wrong question, so the stack is reported stale and RunAsync restarts it.
    /// </summary>
    private void CheckStoredStep(IDictionary<string, object> state, int index)
    {
        var storedCount = StateValues.GetInt(state, StepCountKey, _steps.Count);
        var storedName = state.TryGetValue(StepNameKey, out var name) ? name as string : null;
        if (index < 0 || index >= _steps.Count || storedCount != _steps.Count
            || (storedName != null && storedName != StepName(index)))
        {
            throw new DialogStateException(
                $"Waterfall '{Id}' was saved at step {index} ('{storedName}') of {storedCount}; this version has {_steps.Count} steps.");
        }
    }

    private string StepName(int index) => _steps[index].Method.Name;
}
