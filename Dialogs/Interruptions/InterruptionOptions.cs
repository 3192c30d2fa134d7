namespace ChatBot.Dialogs.Interruptions;

/// <summary>What <see cref="StandardInterruptions"/> listens for and says.</summary>
public class InterruptionOptions
{
    /// <summary>Sent on "help"; the current question is then asked again.</summary>
    public string HelpText { get; set; } =
        "I'm asking a few quick questions so the right person can help you. Answer the question below, "
        + "say \"start over\" to begin again, or \"talk to a person\" to reach our team.";

    /// <summary>Sent on "cancel" / "start over", before the component restarts.</summary>
    public string RestartText { get; set; } = "No problem, let's start over.";

    /// <summary>Sent on "talk to a person", before the component ends with <see cref="HandoffRequested"/>; null to stay silent.</summary>
    public string? HandoffText { get; set; } = "Sure, let me find someone from our team for you.";

    /// <summary>Whole answers that ask for help (compared without case, accents or punctuation).</summary>
    public List<string> HelpPhrases { get; set; } = new() { "help", "help me", "i need help", "what can i say", "what do i say", "options", "?", "aide", "ayuda", "hilfe", "帮助" };

    /// <summary>Whole answers that cancel and restart.</summary>
    public List<string> RestartPhrases { get; set; } = new() { "cancel", "start over", "start again", "restart", "reset", "begin again", "from the top", "annuler", "cancelar", "abbrechen" };

    /// <summary>Phrases that ask for a human anywhere in the answer.</summary>
    public List<string> HandoffPhrases { get; set; } = new()
    {
        "talk to a person", "speak to a person", "talk to a human", "speak to a human", "talk to someone", "speak to someone",
        "real person", "human agent", "live agent", "live chat", "talk to an agent", "speak to an agent", "talk to sales",
        "representative", "operator", "customer service",
    };

    /// <summary>Single words that, as the whole answer, ask for a human.</summary>
    public List<string> HandoffWords { get; set; } = new() { "agent", "human", "person", "someone" };
}
