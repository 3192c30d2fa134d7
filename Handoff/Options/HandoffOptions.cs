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

    /// <summary>Lines per transcript message to a coach (a long chat comes in parts), and the most lines an external hub gets.</summary>
    [Range(1, 500)]
    public int TranscriptTurns { get; set; } = 40;

    /// <summary>
    /// A coach console counts as open while it refreshed its queue panel (every 1.5 s) within this many seconds; a
    /// browser slows the timers of a background tab to once a minute, hence more than 60. Past it the coach gets no
    /// requests, and a chat they are in goes back to the queue. Coaches who never opened the console (Teams) are
    /// always taken as present.
    /// </summary>
    [Range(61, 3600)]
    public int ConsolePresenceSeconds { get; set; } = 120;

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
