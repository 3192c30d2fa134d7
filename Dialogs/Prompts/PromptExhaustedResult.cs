namespace ChatBot.Dialogs.Prompts;

/// <summary>
/// The result a prompt ends with when the visitor used up its attempts without a valid answer.
/// The next step receives it as <c>stepContext.Result</c> (see <c>stepContext.PromptExhausted</c>)
/// instead of a recognized value, so the waterfall never loops forever on one question.
/// </summary>
public sealed class PromptExhaustedResult
{
    public string PromptId { get; set; } = string.Empty;

    public int Attempts { get; set; }
}
