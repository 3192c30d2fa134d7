using Microsoft.Bot.Builder;

namespace ChatBot.Dialogs.Prompts;

/// <summary>What a validator sees.</summary>
public class PromptValidatorContext<T>
{
    internal PromptValidatorContext(ITurnContext turnContext, PromptRecognizerResult<T> recognized, IDictionary<string, object> state, PromptOptions options, int attemptCount)
    {
        Context = turnContext;
        Recognized = recognized;
        State = state;
        Options = options;
        AttemptCount = attemptCount;
    }

    public ITurnContext Context { get; }

    public PromptRecognizerResult<T> Recognized { get; }

    /// <summary>The prompt's own state (stored with the conversation).</summary>
    public IDictionary<string, object> State { get; }

    public PromptOptions Options { get; }

    /// <summary>How many answers have been given, this one included.</summary>
    public int AttemptCount { get; }
}
