namespace ChatBot.Handoff.Transcripts;

/// <summary>One turn of a conversation as the coach sees it: who said what, when.</summary>
public sealed class TranscriptLine
{
    public const string Visitor = "visitor";
    public const string Bot = "bot";
    public const string Coach = "coach";

    public DateTimeOffset At { get; set; }
    /// <summary>visitor, bot or coach.</summary>
    public string Role { get; set; } = Visitor;
    /// <summary>Display name of the author (the coach's name for coach lines).</summary>
    public string? Name { get; set; }
    public string Text { get; set; } = "";
    public int Attachments { get; set; }
}
