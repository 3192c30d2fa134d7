using System.ComponentModel.DataAnnotations;

namespace ChatBot.Handoff.Options;

/// <summary>One opening rule, e.g. Days "Mon-Fri", Open "09:00", Close "17:30" in the team's time zone.</summary>
public sealed class OfficeHoursRule
{
    /// <summary>"Mon-Fri", "Sat", "Mon,Wed,Fri" or "Mon-Sun".</summary>
    [Required]
    public string Days { get; set; } = "Mon-Fri";

    /// <summary>HH:mm, inclusive.</summary>
    [Required]
    public string Open { get; set; } = "09:00";

    /// <summary>HH:mm, exclusive; "24:00" for midnight.</summary>
    [Required]
    public string Close { get; set; } = "17:00";
}
