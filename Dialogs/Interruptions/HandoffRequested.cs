namespace ChatBot.Dialogs.Interruptions;

/// <summary>
/// The result a dialog ends with when the visitor asks for a human. The bot (or a parent step) checks
/// <c>result is HandoffRequested</c> and starts the handoff; <see cref="DialogId"/> says where it happened.
/// </summary>
public sealed class HandoffRequested
{
    /// <summary>The component dialog that was interrupted.</summary>
    public string? DialogId { get; set; }

    /// <summary>Why: "user-asked" for the standard phrase, or whatever the handler sets.</summary>
    public string Reason { get; set; } = "user-asked";
}
