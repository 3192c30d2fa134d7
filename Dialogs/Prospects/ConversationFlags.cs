namespace ChatBot.Dialogs.Prospects;

/// <summary>
/// Per-conversation facts (ConversationState) that make things happen once: the welcome, the engagement event,
/// the feedback question. Stored as JSON with its type name: keep it plain and only add properties.
/// </summary>
public sealed class ConversationFlags
{
    public bool Welcomed { get; set; }

    /// <summary>engagement.started was recorded (on the visitor's first message).</summary>
    public bool EngagementRecorded { get; set; }

    /// <summary>The CSAT question was asked; it is never asked twice in a conversation.</summary>
    public bool FeedbackAsked { get; set; }

    /// <summary>The visitor's CSAT answer, when given.</summary>
    public bool? FeedbackPositive { get; set; }

    /// <summary>
    /// The optional comment after the CSAT answer. Kept with the conversation's state, never in the outcome
    /// events (which hold no message text).
    /// </summary>
    public string? FeedbackComment { get; set; }
}
