namespace ChatBot.Dialogs.Prompts;

/// <summary>Where a prompt keeps things in its DialogInstance.State (shared by every Prompt&lt;T&gt;).</summary>
internal static class PromptStateKeys
{
    public const string Options = "options";
}
