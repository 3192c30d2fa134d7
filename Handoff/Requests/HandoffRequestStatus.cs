namespace ChatBot.Handoff.Requests;

/// <summary>What became of a handoff request at the moment it was made.</summary>
public enum HandoffRequestStatus
{
    /// <summary>Waiting for a coach: the visitor has been told their place in line and coaches were alerted.</summary>
    Queued,

    /// <summary>External mode: handoff.initiate was sent to the agent hub; its handoff.status decides the rest.</summary>
    Initiated,

    /// <summary>The conversation was already queued or connected; nothing changed.</summary>
    AlreadyInProgress,

    /// <summary>
    /// Nobody can take it (outside office hours, or nobody of the team available). The visitor has been told
    /// honestly and asked for an email (or told we will write to the known one); the request is closed as missed.
    /// </summary>
    Missed,
}
