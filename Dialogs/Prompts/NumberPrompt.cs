using ChatBot.Dialogs.Recognizers;
using Microsoft.Bot.Builder;

namespace ChatBot.Dialogs.Prompts;

/// <summary>
/// Asks for a number. The result is a <see cref="NumberResult"/>: a Value, or a Min/Max range, with an
/// Approximate flag. Use a validator to refuse ranges or bound the value.
/// </summary>
public class NumberPrompt : Prompt<NumberResult>
{
    public NumberPrompt(string dialogId, PromptValidator<NumberResult>? validator = null)
        : base(dialogId, validator)
    {
    }

    protected override async Task OnPromptAsync(ITurnContext turnContext, IDictionary<string, object> state, PromptOptions options, bool isRetry, CancellationToken cancellationToken)
    {
        var prompt = SelectPrompt(options, isRetry);
        if (prompt != null)
        {
            await turnContext.SendActivityAsync(prompt, cancellationToken);
        }
    }

    protected override Task<PromptRecognizerResult<NumberResult>> OnRecognizeAsync(ITurnContext turnContext, IDictionary<string, object> state, PromptOptions options, CancellationToken cancellationToken)
    {
        var number = NumberRecognizer.Recognize(turnContext.Activity.Text);
        return Task.FromResult(new PromptRecognizerResult<NumberResult> { Succeeded = number != null, Value = number });
    }
}
