using System.ComponentModel.DataAnnotations;

namespace ChatBot.Options;

/// <summary>The "Metrics" section: targets shown on the dashboard, who may see it, and the demo store.</summary>
public sealed class MetricsOptions : IValidatableObject
{
    public const string Section = "Metrics";

    /// <summary>A handoff request answered within this many seconds meets the response target.</summary>
    [Range(1, 3600)]
    public double ResponseTargetSeconds { get; set; } = 20;

    /// <summary>The share of requests the team aims to answer within the target.</summary>
    [Range(0.0, 1.0)]
    public double ResponseGoal { get; set; } = 0.8;

    [Range(0.0, 1.0)]
    public double DeflectionTarget { get; set; } = 0.6;

    [Range(0.0, 1.0)]
    public double PassThroughTarget { get; set; } = 0.4;

    [Range(0.0, 1.0)]
    public double CsatTarget { get; set; } = 0.85;

    /// <summary>Keys accepted in the X-Access-Key header (or ?key= on /dashboard). None: nobody gets in.</summary>
    public List<string> AccessKeys { get; set; } = [];

    /// <summary>Folder of the demo event store written by the demo-data command, relative to the Bot folder unless absolute.</summary>
    [Required]
    public string DemoStorePath { get; set; } = "./data/demo";

    /// <summary>Serve the demo store instead of the real event log (the dashboard then says DEMO DATA).</summary>
    public bool UseDemoData { get; set; }

    /// <summary>
    /// How far past a range's end events are read, so that a conversation that started in the range is
    /// counted whole (its handoff may finish after midnight).
    /// </summary>
    [Range(0, 720)]
    public int AttributionWindowHours { get; set; } = 24;

    /// <summary>Longest range the API computes, in days.</summary>
    [Range(1, 3660)]
    public int MaxRangeDays { get; set; } = 366;

    [Range(1, 100)]
    public int TopQuestions { get; set; } = 10;

    public IEnumerable<ValidationResult> Validate(ValidationContext validationContext)
    {
        foreach (var key in AccessKeys)
        {
            if (string.IsNullOrWhiteSpace(key) || key.Length < 16)
            {
                yield return new ValidationResult("Every Metrics:AccessKeys entry must be at least 16 characters.", [nameof(AccessKeys)]);
            }
        }
    }
}
