using ChatBot.Dialogs.Choices;
using ChatBot.Dialogs.Prompts;
using ChatBot.Dialogs.Recognizers;
using Microsoft.Bot.Builder;
using Microsoft.Bot.Schema;

namespace ChatBot.Dialogs.Prospects;

/// <summary>
/// A question with suggested replies that never insists: any text answer ends it with a <see cref="QuickReply"/>
/// and the step decides. Used where a visitor may just as well ignore the question and ask something new ("Did that
/// answer your question?", "did you mean", the feedback question): re-asking would talk past them. Choices are shown
/// per channel (buttons, or a numbered list) like ChoicePrompt's, and only an exact choice or its number selects it;
/// a fuzzy match would mistake a new question for an offered one.
/// </summary>
public sealed class QuickReplyPrompt(string dialogId) : Prompt<QuickReply>(dialogId)
{
    protected override async Task OnPromptAsync(ITurnContext turnContext, IDictionary<string, object> state, PromptOptions options, bool isRetry, CancellationToken cancellationToken)
    {
        var prompt = SelectPrompt(options, isRetry);
        if (prompt != null)
        {
            var choices = options.Choices ?? new List<Choice>();
            await turnContext.SendActivityAsync(ChoiceFactory.AppendChoices(prompt, turnContext.Activity.ChannelId, choices, options.Style ?? ListStyle.Auto), cancellationToken);
        }
    }

    protected override Task<PromptRecognizerResult<QuickReply>> OnRecognizeAsync(ITurnContext turnContext, IDictionary<string, object> state, PromptOptions options, CancellationToken cancellationToken)
    {
        var text = turnContext.Activity.Text?.Trim() ?? "";
        if (TextNormalizer.Normalize(text).Length == 0 && text.Length == 0)
        {
            // An attachment or an empty message: ask again.
            return Task.FromResult(new PromptRecognizerResult<QuickReply>());
        }
        var choices = options.Choices ?? new List<Choice>();
        var match = choices.Count == 0 ? null : ChoiceRecognizer.Recognize(text, choices).Match;
        if (match is { Score: < 1.0 })
        {
            match = null;
        }
        return Task.FromResult(new PromptRecognizerResult<QuickReply>
        {
            Succeeded = true,
            Value = new QuickReply
            {
                Text = text,
                ChoiceIndex = match?.Index,
                ChoiceValue = match?.Value,
                YesNo = ReplyReader.YesNo(text),
                Skip = ReplyReader.IsSkip(text),
            },
        });
    }
}
