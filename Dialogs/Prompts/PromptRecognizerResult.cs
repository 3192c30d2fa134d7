namespace ChatBot.Dialogs.Prompts;

/// <summary>What a prompt made of the user's answer.</summary>
public class PromptRecognizerResult<T>
{
    public bool Succeeded { get; set; }

    public T? Value { get; set; }
}
