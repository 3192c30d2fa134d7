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

    /// <summary>Phrases that ask for a human anywhere in the answer ("can I talk to a person", "real person please").</summary>
    public List<string> HandoffPhrases { get; set; } = DefaultHandoffPhrases();

    /// <summary>Whole answers that ask for a human.</summary>
    public List<string> HandoffWords { get; set; } = new() { "agent", "human", "person", "someone", "representative", "operator", "a human", "a person", "human please", "agent please" };

    private static List<string> DefaultHandoffPhrases()
    {
        var phrases = new List<string> { "real person", "human agent", "live agent", "live person", "human being", "actual person", "actual human" };
        foreach (var verb in new[] { "talk", "speak", "chat" })
        {
            foreach (var preposition in new[] { "to", "with" })
            {
                foreach (var who in new[] { "a person", "a human", "someone", "somebody", "an agent", "a representative", "a rep", "sales", "support", "your team", "a salesperson", "an expert" })
                {
                    phrases.Add($"{verb} {preposition} {who}");
                }
            }
        }
        return phrases;
    }
}
