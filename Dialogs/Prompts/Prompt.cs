using Microsoft.Bot.Builder;
using Microsoft.Bot.Schema;

namespace ChatBot.Dialogs.Prompts;

/// <summary>
/// Base of every prompt, as in the SDK: asks <see cref="PromptOptions.Prompt"/>, recognizes each answer,
/// runs the optional validator, and ends with the value. A wrong answer gets the retry prompt until
/// <see cref="PromptOptions.MaxAttempts"/> answers were given; then the prompt ends with a
/// <see cref="PromptExhaustedResult"/> so the waterfall can move on.
/// </summary>
public abstract class Prompt<T> : Dialog
{
    protected const string AttemptCountKey = "attemptCount";
    internal const string PersistedOptionsKey = PromptStateKeys.Options;
    private const string PersistedStateKey = "state";

    private readonly PromptValidator<T>? _validator;

    protected Prompt(string dialogId, PromptValidator<T>? validator = null)
        : base(dialogId)
    {
        _validator = validator;
    }

    public override async Task<DialogTurnResult> BeginDialogAsync(DialogContext dc, object? options = null, CancellationToken cancellationToken = default)
    {
        if (options is not PromptOptions promptOptions)
        {
            throw new ArgumentException($"Prompt '{Id}' must be started with PromptOptions.", nameof(options));
        }
        var state = dc.ActiveDialog!.State;
        var promptState = new Dictionary<string, object> { [AttemptCountKey] = 0 };
        state[PersistedOptionsKey] = promptOptions;
        state[PersistedStateKey] = promptState;
        await OnPromptAsync(dc.Context, promptState, promptOptions, false, cancellationToken);
        return EndOfTurn;
    }

    public override async Task<DialogTurnResult> ContinueDialogAsync(DialogContext dc, CancellationToken cancellationToken = default)
    {
        if (dc.Context.Activity.Type != ActivityTypes.Message)
        {
            return EndOfTurn;
        }

        var (promptState, options) = Load(dc.ActiveDialog!);
        var attempts = StateValues.GetInt(promptState, AttemptCountKey) + 1;
        promptState[AttemptCountKey] = attempts;

        var recognized = await OnRecognizeAsync(dc.Context, promptState, options, cancellationToken);
        var isValid = recognized.Succeeded;
        var validatorReplied = false;
        if (_validator != null)
        {
            // Only a message the validator itself sent replaces the retry prompt; a typing indicator or
            // anything middleware sent earlier in the turn does not (TurnContext.Responded would count those).
            var validating = true;
            dc.Context.OnSendActivities(async (context, activities, next) =>
            {
                validatorReplied |= validating && activities.Any(a => a.Type == ActivityTypes.Message);
                return await next();
            });
            try
            {
                isValid = await _validator(new PromptValidatorContext<T>(dc.Context, recognized, promptState, options, attempts), cancellationToken);
            }
            finally
            {
                validating = false;
            }
        }
        if (isValid)
        {
            return await dc.EndDialogAsync(recognized.Value, cancellationToken);
        }

        var maxAttempts = options.MaxAttempts ?? PromptDefaults.MaxAttempts;
        if (maxAttempts > 0 && attempts >= maxAttempts)
        {
            return await dc.EndDialogAsync(new PromptExhaustedResult { PromptId = Id, Attempts = attempts }, cancellationToken);
        }

        // A validator that already explained what is wrong has answered for us.
        if (!validatorReplied)
        {
            await OnPromptAsync(dc.Context, promptState, options, true, cancellationToken);
        }
        return EndOfTurn;
    }

    /// <summary>A child dialog started on top of the prompt ended: ask again.</summary>
    public override async Task<DialogTurnResult> ResumeDialogAsync(DialogContext dc, DialogReason reason, object? result = null, CancellationToken cancellationToken = default)
    {
        await RepromptDialogAsync(dc.Context, dc.ActiveDialog!, cancellationToken);
        return EndOfTurn;
    }

    public override Task RepromptDialogAsync(ITurnContext turnContext, DialogInstance instance, CancellationToken cancellationToken = default)
    {
        var (promptState, options) = Load(instance);
        return OnPromptAsync(turnContext, promptState, options, false, cancellationToken);
    }

    /// <summary>Sends the question (or the retry question when <paramref name="isRetry"/>).</summary>
    protected abstract Task OnPromptAsync(ITurnContext turnContext, IDictionary<string, object> state, PromptOptions options, bool isRetry, CancellationToken cancellationToken);

    /// <summary>Turns the user's message into a value.</summary>
    protected abstract Task<PromptRecognizerResult<T>> OnRecognizeAsync(ITurnContext turnContext, IDictionary<string, object> state, PromptOptions options, CancellationToken cancellationToken);

    /// <summary>The activity to send: the retry prompt on a retry when there is one, else the prompt, always a copy.</summary>
    protected static Activity? SelectPrompt(PromptOptions options, bool isRetry) =>
        PromptActivity.Copy(isRetry && options.RetryPrompt != null ? options.RetryPrompt : options.Prompt);

    private (IDictionary<string, object> State, PromptOptions Options) Load(DialogInstance instance)
    {
        var promptState = StateValues.Get<IDictionary<string, object>>(instance.State, PersistedStateKey);
        var options = StateValues.Get<PromptOptions>(instance.State, PersistedOptionsKey);
        if (promptState == null || options == null)
        {
            throw new DialogStateException($"Prompt '{Id}' was stored without its options or state.");
        }
        return (promptState, options);
    }
}
