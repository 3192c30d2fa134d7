namespace ChatBot.Dialogs.Faq;

/// <summary>
/// Examples of what an FAQ must not answer, embedded once at load. A question closer to one of these than to
/// every FAQ phrasing is rejected. Written for this bot (not taken from any evaluation set) to cover the
/// kinds of question that a product FAQ is weakest at: advice and strategy, chit-chat, unrelated topics,
/// and requests for a person. They describe kinds of question, not Larkspur's features, so they carry over
/// to another knowledge base.
/// </summary>
public static class OutOfScopeAnchors
{
    public static readonly IReadOnlyList<string> Phrasings =
    [
        // Marketing and sales advice: needs a person who knows the business.
        "What marketing strategy would work best for my company?",
        "Give me tips to grow my small business",
        "How can I get more customers for my store?",
        "What should I write in a promotional email?",
        "What subject lines get people to open emails?",
        "How do I make my newsletter more engaging?",
        "What is a good conversion rate for a landing page?",
        "How should I price my own products?",
        "How do I close more deals as a salesperson?",
        "What makes a good sales script for phone calls?",
        "How do I hire and train good sales reps?",
        "How should I organise my marketing department?",
        "Which social media platform is best for advertising my brand?",
        "How do I get my content to rank higher on Google?",
        "What is the best way to generate leads for a B2B company?",
        "How do I build a customer loyalty program?",
        "How can I reduce churn in my subscription business?",
        "What KPIs should my sales managers track?",
        "Should my startup focus on inbound or outbound sales?",
        "Can you review my marketing plan?",
        "What's a reasonable budget for online ads?",
        // Chit-chat and small talk.
        "Hi, how are you doing?",
        "Good morning!",
        "Who are you?",
        "Are you a human or a bot?",
        "What's your name?",
        "Thank you so much, bye",
        "ok great",
        "You're not very helpful",
        "Do you like music?",
        "Say something funny",
        "I'm bored",
        // Requests for a person.
        "I'd like to talk to a human agent",
        "Put me through to customer service",
        "Can somebody from your team call me back?",
        "Let me chat with an actual person",
        "I need to speak with a manager",
        "Transfer me to a live agent",
        // Unrelated topics.
        "What's the time in Tokyo right now?",
        "Will it rain tomorrow?",
        "How tall is Mount Everest?",
        "Who is the president of France?",
        "What's a good recipe for dinner tonight?",
        "Can you recommend a movie to watch?",
        "How do I fix my car's engine?",
        "What are the symptoms of the flu?",
        "Which phone should I buy?",
        "How do I learn to play guitar?",
        "Translate this sentence into Spanish",
        "What's the score of the football game?",
        "How do I file my personal taxes?",
        // Comparisons and opinions about other vendors.
        "Which CRM is the best on the market?",
        "What do you think of HubSpot compared to Zoho?",
    ];
}
