namespace ChatBot.Dialogs.Prospects;

/// <summary>The intent field of visitor.classified, routed and the handoff request: what a visitor message was about.</summary>
public static class JourneyIntents
{
    /// <summary>Asked for a human ("talk to a person", "agent").</summary>
    public const string Person = "person";

    /// <summary>A documented question the knowledge base answered.</summary>
    public const string Question = "question";

    /// <summary>Prices, plans, "how much".</summary>
    public const string Pricing = "pricing";

    /// <summary>Asked for a demo.</summary>
    public const string Demo = "demo";

    /// <summary>Buying signals: buy, sign up, licenses, looking for a CRM...</summary>
    public const string Purchase = "purchase";

    /// <summary>The knowledge base was unsure: the visitor got a "did you mean".</summary>
    public const string Unclear = "unclear";

    /// <summary>An open-ended or undocumented question (FAQ none): a coach can help.</summary>
    public const string Advice = "advice";

    /// <summary>"help", "start over", greetings, thanks, "I have a question", or something too short to act on.</summary>
    public const string Conversation = "conversation";

    /// <summary>True for the intents that lead into qualification for prospects.</summary>
    public static bool IsBuying(string? intent) => intent is Pricing or Demo or Purchase;
}
