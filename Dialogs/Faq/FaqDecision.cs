namespace ChatBot.Dialogs.Faq;

/// <summary>What the bot should do with a question, given how well the knowledge base matched it.</summary>
public enum FaqDecision
{
    /// <summary>No entry fits (out of scope, advice, chit-chat, a request for a person): escalate.</summary>
    None = 0,

    /// <summary>Close or middling scores: offer the top 2-3 as "did you mean".</summary>
    Clarify = 1,

    /// <summary>One entry matches confidently: answer it.</summary>
    Answer = 2,
}
