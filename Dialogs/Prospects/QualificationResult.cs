namespace ChatBot.Dialogs.Prospects;

/// <summary>What the qualification ends with: the score, the verdict and the coach's summary.</summary>
public sealed class QualificationResult
{
    public string Intent { get; set; } = JourneyIntents.Pricing;

    /// <summary>The profile's type, or prospect when unknown (someone asking about prices or a demo).</summary>
    public string VisitorType { get; set; } = VisitorTypes.Prospect;
    public int Score { get; set; }
    public bool Qualified { get; set; }

    /// <summary>At least one question was asked this time (else the answers all came from the profile).</summary>
    public bool Asked { get; set; }

    /// <summary>One or two lines for the coach (HandoffRequest.QualificationSummary).</summary>
    public string Summary { get; set; } = "";
}
