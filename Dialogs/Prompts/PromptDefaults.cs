namespace ChatBot.Dialogs.Prompts;

public static class PromptDefaults
{
    /// <summary>Three tries, then the step after the prompt decides (offer a person, skip the question...).</summary>
    public const int MaxAttempts = 3;
}
