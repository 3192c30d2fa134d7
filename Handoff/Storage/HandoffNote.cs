namespace ChatBot.Handoff.Storage;

/// <summary>An internal note a coach added to a chat; shown to coaches only.</summary>
public sealed class HandoffNote
{
    public string CoachId { get; set; } = "";
    public DateTimeOffset At { get; set; }
    public string Text { get; set; } = "";
}
