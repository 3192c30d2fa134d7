using System.ComponentModel.DataAnnotations;

namespace ChatBot.Dialogs.Faq;

/// <summary>
/// The "Faq" section. Defaults were chosen on the development questions (eval/faq-dev.tsv, tuned on
/// even rows and checked on odd rows); see README "FAQ recognizer".
/// </summary>
public sealed class FaqOptions : IValidatableObject
{
    public const string Section = "Faq";
    public const int MaxTop = 10;

    /// <summary>kb.json (or a QnA Maker .tsv export). Relative paths are resolved against the app's folder,
    /// where the sample knowledge base is copied as Faq/kb.json.</summary>
    [Required]
    public string KnowledgeBasePath { get; set; } = "Faq/kb.json";

    /// <summary>Reload the knowledge base when its file changes.</summary>
    public bool WatchForChanges { get; set; } = true;

    /// <summary>Load the model and knowledge base in the background at start instead of on the first question.</summary>
    public bool WarmUpOnStart { get; set; } = true;

    /// <summary>Quiet time after the last change event before reloading (editors write files in several steps).</summary>
    [Range(0, 60_000)]
    public int ReloadDebounceMs { get; set; } = 500;

    /// <summary>Weight of the semantic signal (MiniLM cosine, calibrated) in the fused confidence.</summary>
    [Range(0.0, 1.0)]
    public double SemanticWeight { get; set; } = 0.7;

    /// <summary>Weight of the lexical signal (normalised BM25) in the fused confidence.</summary>
    [Range(0.0, 1.0)]
    public double LexicalWeight { get; set; } = 0.3;

    /// <summary>Share of the semantic signal that comes from the question's similarity to the entry's answer
    /// (the rest: its similarity to the closest phrasing). The answer's wording catches paraphrases that
    /// none of the listed questions use.</summary>
    [Range(0.0, 1.0)]
    public double AnswerSimilarityWeight { get; set; } = 0.2;

    /// <summary>Answer directly when the top confidence reaches this and leads the runner-up by <see cref="AnswerMargin"/>.</summary>
    [Range(0.0, 1.0)]
    public double AnswerThreshold { get; set; } = 0.45;

    /// <summary>Below this the decision is None; between this and the answer rule it is Clarify.</summary>
    [Range(0.0, 1.0)]
    public double ClarifyThreshold { get; set; } = 0.4;

    /// <summary>Minimum lead of the top entry over the second for a direct answer; closer than this means clarify.</summary>
    [Range(0.0, 1.0)]
    public double AnswerMargin { get; set; } = 0.1;

    /// <summary>Below <see cref="ClarifyThreshold"/>, still offer the top entry when it reaches this and leads the
    /// runner-up by <see cref="ClarifyLeadMargin"/>: one clear but weak match is worth a "did you mean".</summary>
    [Range(0.0, 1.0)]
    public double ClarifyFloor { get; set; } = 0.25;

    /// <summary>See <see cref="ClarifyFloor"/>.</summary>
    [Range(0.0, 1.0)]
    public double ClarifyLeadMargin { get; set; } = 0.1;

    /// <summary>Reject (None) when the question's cosine to the closest out-of-scope anchor minus its cosine to the
    /// closest FAQ phrasing exceeds this. Negative: reject even when the question is slightly closer to an FAQ
    /// phrasing, because anchors are few and phrasings many.</summary>
    [Range(-1.0, 1.0)]
    public double OutOfScopeMargin { get; set; } = -0.1;

    /// <summary>Candidates returned when the caller does not say (1..MaxTop).</summary>
    [Range(1, MaxTop)]
    public int Top { get; set; } = 3;

    public IEnumerable<ValidationResult> Validate(ValidationContext validationContext)
    {
        if (SemanticWeight + LexicalWeight <= 0)
        {
            yield return new ValidationResult("Faq:SemanticWeight and Faq:LexicalWeight cannot both be 0.", [nameof(SemanticWeight)]);
        }
        if (ClarifyThreshold > AnswerThreshold)
        {
            yield return new ValidationResult("Faq:ClarifyThreshold must not exceed Faq:AnswerThreshold.", [nameof(ClarifyThreshold)]);
        }
        if (ClarifyFloor > ClarifyThreshold)
        {
            yield return new ValidationResult("Faq:ClarifyFloor must not exceed Faq:ClarifyThreshold.", [nameof(ClarifyFloor)]);
        }
    }
}
