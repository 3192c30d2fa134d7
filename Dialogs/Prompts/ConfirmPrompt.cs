using ChatBot.Dialogs.Choices;
using ChatBot.Dialogs.Recognizers;
using Microsoft.Bot.Builder;

namespace ChatBot.Dialogs.Prompts;

/// <summary>
/// Asks a yes/no question; the result is a bool. Yes/No are offered as buttons or "(1) Yes or (2) No"
/// by channel, so "1"/"2" are understood too, besides the words and emoji of <see cref="ConfirmRecognizer"/>.
/// </summary>
public class ConfirmPrompt : Prompt<bool>
{
    public ConfirmPrompt(string dialogId, PromptValidator<bool>? validator = null)
        : base(dialogId, validator)
    {
    }

    /// <summary>How Yes/No are shown when the options don't say; Auto picks by channel.</summary>
    public ListStyle Style { get; set; } = ListStyle.Auto;

    public Choice YesChoice { get; set; } = new("Yes");

    public Choice NoChoice { get; set; } = new("No");

    protected override async Task OnPromptAsync(ITurnContext turnContext, IDictionary<string, object> state, PromptOptions options, bool isRetry, CancellationToken cancellationToken)
    {
        var prompt = SelectPrompt(options, isRetry);
        if (prompt == null)
        {
            return;
        }
        var style = ConfirmStyle(turnContext, options);
        await turnContext.SendActivityAsync(ChoiceFactory.AppendChoices(prompt, turnContext.Activity.ChannelId, YesNo, style), cancellationToken);
    }

    protected override Task<PromptRecognizerResult<bool>> OnRecognizeAsync(ITurnContext turnContext, IDictionary<string, object> state, PromptOptions options, CancellationToken cancellationToken)
    {
        var text = turnContext.Activity.Text;
        var confirmed = ConfirmRecognizer.Recognize(text);
        if (confirmed == null && ConfirmStyle(turnContext, options) != ListStyle.None)
        {
            // The numbers and labels we showed ("1", "(2)", "Yes").
            var choice = ChoiceRecognizer.Recognize(text, YesNo).Match;
            confirmed = choice == null ? null : choice.Index == 0;
        }
        return Task.FromResult(new PromptRecognizerResult<bool> { Succeeded = confirmed != null, Value = confirmed ?? false });
    }

    private IList<Choice> YesNo => new[] { YesChoice, NoChoice };

    // Two short options read better inline than as a list on plain-text channels.
    private ListStyle ConfirmStyle(ITurnContext turnContext, PromptOptions options)
    {
        var style = options.Style ?? Style;
        return style == ListStyle.Auto && !ChannelCapabilities.For(turnContext.Activity.ChannelId).SupportsSuggestedActions
            ? ListStyle.Inline
            : style;
    }
}
