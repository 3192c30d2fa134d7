using Microsoft.Extensions.Logging;

namespace ChatBot.Dialogs;

/// <summary>How <see cref="DialogExtensions.RunAsync(Dialog, Microsoft.Bot.Builder.ITurnContext, Microsoft.Bot.Builder.IStatePropertyAccessor{DialogState}, DialogRunOptions?, CancellationToken)"/> reports trouble.</summary>
public class DialogRunOptions
{
    /// <summary>Where failures and stale stacks are logged; nothing is logged when null.</summary>
    public Microsoft.Extensions.Logging.ILogger? Logger { get; set; }

    /// <summary>The one message the user gets when a step throws (the stack is then cleared).</summary>
    public string ApologyText { get; set; } = "Sorry, something went wrong on our side. Please try again in a moment.";

    /// <summary>Said before restarting a conversation whose stored stack no longer matches the dialogs.</summary>
    public string RestartText { get; set; } = "Sorry, I lost track of where we were (I've been updated since). Let's start again.";
}
