using Newtonsoft.Json;

namespace ChatBot.Dialogs.Prospects;

/// <summary>
/// What the bot knows about a visitor across conversations (UserState, keyed by channel and user id): filled
/// from the page's channel data, the visitor-type question and the qualification answers. A returning visitor is
/// greeted by name and not asked again what is here. Stored as JSON with its type name: keep it plain and only
/// add properties (see Dialogs/README.md, "Rules for state").
/// </summary>
public sealed class VisitorProfile
{
    public string? Name { get; set; }

    public string? Email { get; set; }

    /// <summary>From the page, or the domain of a work email.</summary>
    public string? Company { get; set; }

    /// <summary>One of Qualification:Roles' answers.</summary>
    public string? Role { get; set; }

    /// <summary>A representative head count (a range's midpoint) for scoring.</summary>
    public int? CompanySize { get; set; }

    /// <summary>The size as the visitor gave it ("40", "10-49", "~200"), for the coach.</summary>
    public string? CompanySizeSaid { get; set; }

    /// <summary>One of Qualification:UseCases' answers.</summary>
    public string? UseCase { get; set; }

    /// <summary>One of Qualification:Timelines' answers.</summary>
    public string? Timeline { get; set; }

    /// <summary>prospect, free or customer (<see cref="VisitorTypes"/>); null until known.</summary>
    public string? VisitorType { get; set; }

    /// <summary>May our team email the visitor at <see cref="Email"/>? Null when not asked.</summary>
    public bool? ContactConsent { get; set; }

    public int? QualificationScore { get; set; }

    /// <summary>Sales-qualified by the last qualification (score at or above Qualification:Threshold).</summary>
    public bool? Qualified { get; set; }

    /// <summary>When the visitor last sent a message; null for a visitor the bot has never heard from.</summary>
    public DateTimeOffset? LastSeen { get; set; }

    /// <summary>The bot has talked with this visitor before (in this or an earlier conversation).</summary>
    [JsonIgnore]
    public bool IsReturning => LastSeen != null;
}
