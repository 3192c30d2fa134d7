using System.Text.Json.Serialization;

namespace ChatBot.Dialogs.Faq;

/// <summary>One knowledge-base entry, as stored in kb.json.</summary>
public sealed record FaqEntry
{
    /// <summary>
    /// The longest button title: Web Chat cuts suggested actions at about 30-35 characters ("What's the difference
    /// between Start…"), so a longer canonical question needs a <see cref="Label"/>.
    /// </summary>
    public const int MaxLabelLength = 30;

    [JsonPropertyName("id")] public string Id { get; init; } = "";
    [JsonPropertyName("category")] public string Category { get; init; } = "";
    /// <summary>sales or support.</summary>
    [JsonPropertyName("team")] public string Team { get; init; } = "";
    /// <summary>Alternate phrasings; the first is the canonical question.</summary>
    [JsonPropertyName("questions")] public IReadOnlyList<string> Questions { get; init; } = [];
    /// <summary>Markdown.</summary>
    [JsonPropertyName("answer")] public string Answer { get; init; } = "";
    [JsonPropertyName("followUps")] public IReadOnlyList<string> FollowUps { get; init; } = [];

    /// <summary>
    /// Optional short title for the entry's button (follow-ups, "did you mean"), at most <see cref="MaxLabelLength"/>
    /// characters; the button still sends the canonical question.
    /// </summary>
    [JsonPropertyName("label")] public string? Label { get; init; }

    /// <summary>The canonical question, what a button for this entry sends.</summary>
    [JsonIgnore]
    public string CanonicalQuestion => Questions.Count > 0 ? Questions[0] : Id;

    /// <summary>What a button for this entry shows: the label, the canonical question when short enough, else its first words.</summary>
    [JsonIgnore]
    public string ButtonTitle => !string.IsNullOrWhiteSpace(Label) ? Label.Trim() : ShortTitle(CanonicalQuestion);

    /// <summary><paramref name="text"/> when it fits a button; else cut at a word boundary with an ellipsis.</summary>
    public static string ShortTitle(string text)
    {
        text = text.Trim();
        if (text.Length <= MaxLabelLength)
        {
            return text;
        }
        // Room for the ellipsis; a word is kept only whole.
        var cut = text[..(MaxLabelLength - 1)];
        var space = text[MaxLabelLength - 1] == ' ' ? cut.Length : cut.LastIndexOf(' ');
        return (space > MaxLabelLength / 2 ? cut[..space] : cut).TrimEnd(' ', ',', ';', ':') + "…";
    }
}
