using System.ComponentModel.DataAnnotations;

namespace ChatBot.Handoff.Options;

/// <summary>One coach: who they are, their team, and the identities their messages arrive with.</summary>
public sealed class CoachOptions
{
    /// <summary>Short id used in commands (transfer dana) and in the console user id "coach:&lt;Id&gt;".</summary>
    [Required, RegularExpression("^[a-z0-9][a-z0-9-]{0,39}$")]
    public string Id { get; set; } = "";

    /// <summary>Shown to visitors next to every relayed message.</summary>
    [Required, MaxLength(60)]
    public string Name { get; set; } = "";

    /// <summary>A team name from Handoff:Teams.</summary>
    [Required]
    public string Team { get; set; } = "";

    /// <summary>Opens the coach console (/coach). No key, no console.</summary>
    public string? ConsoleKey { get; set; }

    /// <summary>The coach's Teams user id (from.id on channel msteams), for the Teams agent channel.</summary>
    public string? TeamsUserId { get; set; }
}
