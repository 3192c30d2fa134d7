using System.Text.Json.Serialization;

namespace ChatBot.Dialogs.Faq;

/// <summary>One knowledge-base entry, as stored in kb.json.</summary>
public sealed record FaqEntry
{
    [JsonPropertyName("id")] public string Id { get; init; } = "";
    [JsonPropertyName("category")] public string Category { get; init; } = "";
    /// <summary>sales or support.</summary>
    [JsonPropertyName("team")] public string Team { get; init; } = "";
    /// <summary>Alternate phrasings; the first is the canonical question.</summary>
    [JsonPropertyName("questions")] public IReadOnlyList<string> Questions { get; init; } = [];
    /// <summary>Markdown.</summary>
    [JsonPropertyName("answer")] public string Answer { get; init; } = "";
    [JsonPropertyName("followUps")] public IReadOnlyList<string> FollowUps { get; init; } = [];
}
