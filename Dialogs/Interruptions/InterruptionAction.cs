namespace ChatBot.Dialogs.Interruptions;

/// <summary>What a component dialog does after an interruption handler looked at a message.</summary>
public enum InterruptionAction
{
    /// <summary>Not an interruption: the active step gets the message as usual.</summary>
    NotHandled,

    /// <summary>Handled (the handler replied); ask the current question again and keep waiting.</summary>
    Reprompt,

    /// <summary>Handled; keep waiting without asking again.</summary>
    Wait,

    /// <summary>Cancel everything inside the component and start it again from its initial dialog.</summary>
    Restart,

    /// <summary>Cancel everything inside the component and end it with <see cref="InterruptionResult.Result"/>.</summary>
    End,
}
