using Microsoft.Bot.Builder;

namespace ChatBot.Dialogs.Faq;

/// <summary>
/// The FAQ recognizer. As an <see cref="IRecognizer"/> it fills RecognizerResult.Intents with one intent per
/// candidate entry id (score = confidence, or "None") and Entities["faq"] with the candidates;
/// <see cref="MatchAsync"/> gives the same verdict strongly typed, which is what the dialogs use.
/// </summary>
public interface IFaqRecognizer : IRecognizer
{
    /// <summary>Ranks the knowledge base for <paramref name="question"/> and decides answer, clarify or none.</summary>
    /// <param name="top">How many candidates to return (1..<see cref="FaqOptions.MaxTop"/>).</param>
    Task<FaqResult> MatchAsync(string question, int top = 3, CancellationToken cancellationToken = default);

    /// <summary>The knowledge base in use (the last one that loaded without errors).</summary>
    FaqKnowledgeBase KnowledgeBase { get; }

    /// <summary>Looks up an entry by id (for follow-up buttons); null if unknown.</summary>
    FaqEntry? FindEntry(string id);
}
