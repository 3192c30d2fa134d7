namespace ChatBot.Dialogs.Faq;

/// <summary>The outcome of reading a knowledge-base file: the entries if it is usable, else one line per problem.</summary>
public sealed record FaqLoadResult(FaqKnowledgeBase? KnowledgeBase, IReadOnlyList<string> Problems)
{
    public bool Succeeded => KnowledgeBase != null && Problems.Count == 0;
}
