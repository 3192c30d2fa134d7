using ChatBot.Dialogs.Choices;
using Microsoft.Bot.Schema;

namespace ChatBot.Dialogs.Prompts;

/// <summary>
/// What a prompt says and accepts. Stored with the prompt's state, so keep it plain data
/// (activities, choices, strings, numbers).
/// </summary>
public class PromptOptions
{
    /// <summary>The question.</summary>
    public Activity? Prompt { get; set; }

    /// <summary>Said after an answer that was not understood or not valid; the prompt is repeated if absent.</summary>
    public Activity? RetryPrompt { get; set; }

    /// <summary>ChoicePrompt: the choices offered.</summary>
    public IList<Choice>? Choices { get; set; }

    /// <summary>ChoicePrompt/ConfirmPrompt: how choices are shown; Auto picks by channel.</summary>
    public ListStyle? Style { get; set; }

    /// <summary>Free data for a custom validator.</summary>
    public object? Validations { get; set; }

    /// <summary>
    /// How many answers the prompt accepts before it gives up and ends with a
    /// <see cref="PromptExhaustedResult"/>; <see cref="PromptDefaults.MaxAttempts"/> when null.
    /// </summary>
    public int? MaxAttempts { get; set; }
}
