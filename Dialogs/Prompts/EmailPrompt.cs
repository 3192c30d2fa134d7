using ChatBot.Dialogs.Recognizers;
using Microsoft.Bot.Builder;

namespace ChatBot.Dialogs.Prompts;

/// <summary>Asks for an email address; the result is the address found in the answer (domain lower-cased).</summary>
public class EmailPrompt : Prompt<string>
{
    public EmailPrompt(string dialogId, PromptValidator<string>? validator = null)
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

    protected override Task<PromptRecognizerResult<string>> OnRecognizeAsync(ITurnContext turnContext, IDictionary<string, object> state, PromptOptions options, CancellationToken cancellationToken)
    {
        var address = EmailRecognizer.Recognize(turnContext.Activity.Text);
        return Task.FromResult(new PromptRecognizerResult<string> { Succeeded = address != null, Value = address });
    }
}
