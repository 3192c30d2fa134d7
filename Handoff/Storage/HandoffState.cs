namespace ChatBot.Handoff.Storage;

/// <summary>Who owns a visitor conversation.</summary>
public enum HandoffState
{
    /// <summary>The bot (no handoff yet).</summary>
    Bot,

    /// <summary>Waiting for a coach: messages are kept for the coach and acknowledged, the dialogs see nothing.</summary>
    Queued,

    /// <summary>A coach (or the external hub) talks to the visitor; the bot is silent.</summary>
    Connected,

    /// <summary>The last request is over (ended, missed or abandoned): the bot owns the conversation again.</summary>
    Closed,
}
