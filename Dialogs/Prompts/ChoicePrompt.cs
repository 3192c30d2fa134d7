using ChatBot.Dialogs.Choices;
using Microsoft.Bot.Builder;
using Microsoft.Bot.Schema;

namespace ChatBot.Dialogs.Prompts;

/// <summary>
/// Offers <see cref="PromptOptions.Choices"/> (buttons or a numbered list, by channel) and returns a
/// <see cref="FoundChoice"/>. An answer that fits several choices re-prompts with just those candidates;
/// a number or ordinal in the next answer then refers to that shorter list.
/// </summary>
public class ChoicePrompt : Prompt<FoundChoice>
{
    private const string CandidatesKey = "candidates";

    public ChoicePrompt(string dialogId, PromptValidator<FoundChoice>? validator = null)
        : base(dialogId, validator)
    {
    }

    /// <summary>How choices are shown when the options don't say; Auto picks by channel.</summary>
    public ListStyle Style { get; set; } = ListStyle.Auto;

    /// <summary>Said before the candidates of an ambiguous answer.</summary>
    public string AmbiguousText { get; set; } = "Sorry, which one did you mean?";

    protected override async Task OnPromptAsync(ITurnContext turnContext, IDictionary<string, object> state, PromptOptions options, bool isRetry, CancellationToken cancellationToken)
    {
        var choices = options.Choices ?? new List<Choice>();
        var style = options.Style ?? Style;
        var channelId = turnContext.Activity.ChannelId;

        var candidates = Candidates(state, choices);
        if (isRetry && candidates != null)
        {
            var clarify = (Activity)MessageFactory.Text(AmbiguousText, inputHint: InputHints.ExpectingInput);
            await turnContext.SendActivityAsync(ChoiceFactory.AppendChoices(clarify, channelId, candidates.Select(i => choices[i]).ToList(), style), cancellationToken);
            return;
        }

        var prompt = SelectPrompt(options, isRetry);
        if (prompt != null)
        {
            await turnContext.SendActivityAsync(ChoiceFactory.AppendChoices(prompt, channelId, choices, style), cancellationToken);
        }
    }

    protected override Task<PromptRecognizerResult<FoundChoice>> OnRecognizeAsync(ITurnContext turnContext, IDictionary<string, object> state, PromptOptions options, CancellationToken cancellationToken)
    {
        var choices = options.Choices ?? new List<Choice>();
        var text = turnContext.Activity.Text;
        var previous = Candidates(state, choices);
        state.Remove(CandidatesKey);

        // After "which one did you mean?", numbers and names refer to the short list first.
        ChoiceRecognition? recognition = null;
        if (previous != null)
        {
            var narrowed = ChoiceRecognizer.Recognize(text, previous.Select(i => choices[i]).ToList());
            if (narrowed.Match != null)
            {
                narrowed.Match.Index = previous[narrowed.Match.Index];
                recognition = narrowed;
            }
        }
        recognition ??= ChoiceRecognizer.Recognize(text, choices);

        if (recognition.IsAmbiguous)
        {
            state[CandidatesKey] = recognition.Candidates.ToList();
        }
        return Task.FromResult(new PromptRecognizerResult<FoundChoice>
        {
            Succeeded = recognition.Match != null,
            Value = recognition.Match,
        });
    }

    private static List<int>? Candidates(IDictionary<string, object> state, IList<Choice> choices)
    {
        if (!state.TryGetValue(CandidatesKey, out var value) || value is not System.Collections.IEnumerable list)
        {
            return null;
        }
        var indexes = list.Cast<object>().Select(Convert.ToInt32).Where(i => i >= 0 && i < choices.Count).ToList();
        return indexes.Count > 1 ? indexes : null;
    }
}
