namespace ChatBot.Dialogs.Faq;

/// <summary>A validated, immutable set of entries; replaced as a whole on reload.</summary>
public sealed class FaqKnowledgeBase
{
    private readonly Dictionary<string, FaqEntry> _byId;

    public FaqKnowledgeBase(IReadOnlyList<FaqEntry> entries, string source)
    {
        Entries = entries;
        Source = source;
        _byId = entries.GroupBy(e => e.Id, StringComparer.Ordinal).ToDictionary(g => g.Key, g => g.First(), StringComparer.Ordinal);
    }

    public IReadOnlyList<FaqEntry> Entries { get; }
    /// <summary>Where it came from (a file path), for logs.</summary>
    public string Source { get; }

    public FaqEntry? Find(string id) => _byId.GetValueOrDefault(id);
}
