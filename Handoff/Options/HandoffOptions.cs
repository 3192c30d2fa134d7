using System.ComponentModel.DataAnnotations;

namespace ChatBot.Handoff.Options;

/// <summary>The "Handoff" section: coaches, teams, and how the handoff behaves.</summary>
public sealed class HandoffOptions
{
    public const string Section = "Handoff";

    public HandoffMode Mode { get; set; } = HandoffMode.Local;

    public List<CoachOptions> Coaches { get; set; } = [];

    public List<TeamOptions> Teams { get; set; } = [];

    /// <summary>The channel id of the local coach console (Direct Line); coaches there have user id "coach:&lt;Id&gt;".</summary>
    [Required]
    public string ConsoleChannelId { get; set; } = "directline";

    /// <summary>How many recent lines of the conversation's transcript (the full one is in the transcript store) a coach is shown.</summary>
    [Range(1, 500)]
    public int TranscriptTurns { get; set; } = 40;

    /// <summary>How often expired requests are looked for.</summary>
    [Range(1, 3600)]
    public int SweepIntervalSeconds { get; set; } = 5;

    /// <summary>External mode: how long to wait for the hub's handoff.status before telling the visitor nobody answered.</summary>
    [Range(5, 86_400)]
    public int ExternalTimeoutSeconds { get; set; } = 180;

    /// <summary>
    /// External mode: the channels whose handoff.status events come from the agent hub itself (Dynamics 365
    /// Omnichannel's is "omnichannel"). On any other channel, such as Web Chat or Direct Line, a visitor could send
    /// one, so it is ignored there.
    /// </summary>
    public List<string> ExternalStatusChannels { get; set; } = ["omnichannel"];
}
