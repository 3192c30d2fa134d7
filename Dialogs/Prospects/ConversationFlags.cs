namespace ChatBot.Dialogs.Prospects;

/// <summary>
/// Per-conversation facts (ConversationState) that make things happen once: the welcome, the engagement event,
/// the feedback question, the handoffs asked for. Stored as JSON with its type name: keep it plain and only add
/// properties.
/// </summary>
public sealed class ConversationFlags
{
    public bool Welcomed { get; set; }

    /// <summary>engagement.started was recorded (on the visitor's first message).</summary>
    public bool EngagementRecorded { get; set; }

    /// <summary>The CSAT question about the bot was asked; never twice in a conversation, nor after a coach's.</summary>
    public bool FeedbackAsked { get; set; }

    /// <summary>
    /// The CSAT question after a coach's chat was asked: once too, apart from the bot's, so that a visitor who rated
    /// an answer earlier still rates the coach (the team's coach CSAT).
    /// </summary>
    public bool CoachFeedbackAsked { get; set; }

    /// <summary>The visitor's CSAT answer, when given.</summary>
    public bool? FeedbackPositive { get; set; }

    /// <summary>
    /// The optional comment after the CSAT answer. Kept with the conversation's state (and, as the visitor's
    /// message, in the conversation's transcript), never in the outcome events (which hold no message text).
    /// </summary>
    public string? FeedbackComment { get; set; }

    /// <summary>Visitor messages so far in this conversation (the bot's clock for "just said").</summary>
    public int Messages { get; set; }

    /// <summary>The last knowledge-base entry answered, and at which visitor message: not repeated back to back.</summary>
    public string? LastAnswerEntryId { get; set; }

    public int LastAnswerMessage { get; set; }

    /// <summary>
    /// The teams a handoff was requested for in this conversation (queued, missed or abandoned since): a later
    /// price or demo question offers the team again instead of queueing the visitor a second time.
    /// </summary>
    public List<string> HandoffTeams { get; set; } = [];
}
