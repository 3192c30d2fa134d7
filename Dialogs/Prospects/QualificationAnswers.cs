namespace ChatBot.Dialogs.Prospects;

/// <summary>
/// The qualification answers while the questions run (kept in the waterfall's values, written to the profile at the
/// end, so "start over" really starts over). Null means not answered or skipped. Plain stored data.
/// </summary>
public sealed class QualificationAnswers
{
    public string? Role { get; set; }
    public int? CompanySize { get; set; }
    public string? CompanySizeSaid { get; set; }
    public string? UseCase { get; set; }
    public string? Timeline { get; set; }
    public string? Email { get; set; }
    public bool? ContactConsent { get; set; }

    /// <summary>Questions the visitor asked during the qualification that the knowledge base could not answer, for the coach.</summary>
    public List<string> OpenQuestions { get; set; } = [];

    /// <summary>The visitor was asked at least one question (so "that's all I need" is true).</summary>
    public bool Asked { get; set; }

    /// <summary>What the profile already knows (nothing from it is asked again).</summary>
    public static QualificationAnswers From(VisitorProfile profile) => new()
    {
        Role = profile.Role,
        CompanySize = profile.CompanySize,
        CompanySizeSaid = profile.CompanySizeSaid,
        UseCase = profile.UseCase,
        Timeline = profile.Timeline,
        Email = profile.Email,
        ContactConsent = profile.ContactConsent,
    };
}
