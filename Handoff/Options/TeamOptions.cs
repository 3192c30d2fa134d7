using System.ComponentModel.DataAnnotations;

namespace ChatBot.Handoff.Options;

/// <summary>A team coaches belong to and visitors are queued for.</summary>
public sealed class TeamOptions
{
    /// <summary>sales or support.</summary>
    [Required, RegularExpression("^[a-z][a-z0-9-]{0,39}$")]
    public string Name { get; set; } = "";

    /// <summary>IANA or Windows time zone id of the office hours.</summary>
    [Required]
    public string TimeZone { get; set; } = "UTC";

    /// <summary>When the team takes chats. Empty: always.</summary>
    public List<OfficeHoursRule> OfficeHours { get; set; } = [];

    /// <summary>How long a queued request waits for a coach before the visitor is told nobody could take it.</summary>
    [Range(5, 86_400)]
    public int AcceptTimeoutSeconds { get; set; } = 180;
}
