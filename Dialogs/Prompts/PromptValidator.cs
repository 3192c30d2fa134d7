namespace ChatBot.Dialogs.Prompts;

/// <summary>Decides whether a recognized answer is acceptable; may send its own retry message.</summary>
public delegate Task<bool> PromptValidator<T>(PromptValidatorContext<T> promptContext, CancellationToken cancellationToken);
