using ChatBot.Dialogs.Prompts;

namespace ChatBot.Dialogs;

/// <summary>
/// What a waterfall step sees: the dialog's options, the values the steps collected so far, and the
/// result of the previous step (a prompt's answer, a child dialog's result, or the user's text).
/// </summary>
public class WaterfallStepContext : DialogContext
{
    private readonly WaterfallDialog _parentWaterfall;
    private bool _nextCalled;

    internal WaterfallStepContext(WaterfallDialog parentWaterfall, DialogContext dc, object? options, IDictionary<string, object> values, int index, DialogReason reason, object? result)
        : base(dc.Dialogs, dc.Context, new DialogState(dc.Stack))
    {
        _parentWaterfall = parentWaterfall;
        Parent = dc.Parent;
        Options = options;
        Values = values;
        Index = index;
        Reason = reason;
        Result = result;
    }

    /// <summary>The step's position in the waterfall (0-based).</summary>
    public int Index { get; }

    /// <summary>The options the waterfall was started with.</summary>
    public object? Options { get; }

    /// <summary>Why the step runs: BeginCalled, ContinueCalled, EndCalled (a child ended) or NextCalled.</summary>
    public DialogReason Reason { get; }

    /// <summary>The previous step's outcome: a prompt's recognized value, a child's result, or null.</summary>
    public object? Result { get; }

    /// <summary>Values kept across the waterfall's steps; stored with the conversation, so plain data only.</summary>
    public IDictionary<string, object> Values { get; }

    /// <summary>True when the previous step's prompt gave up after its maximum number of attempts.</summary>
    public bool PromptExhausted => Result is PromptExhaustedResult;

    /// <summary>Skips to the next step now, passing <paramref name="result"/> as its Result.</summary>
    public Task<DialogTurnResult> NextAsync(object? result = null, CancellationToken cancellationToken = default)
    {
        if (_nextCalled)
        {
            throw new InvalidOperationException($"NextAsync was already called in step {Index} of '{_parentWaterfall.Id}'.");
        }
        _nextCalled = true;
        return _parentWaterfall.ResumeDialogAsync(this, DialogReason.NextCalled, result, cancellationToken);
    }
}
