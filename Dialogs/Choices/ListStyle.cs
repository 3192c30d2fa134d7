namespace ChatBot.Dialogs.Choices;

/// <summary>How choices are shown (SDK names; hero cards are not offered here).</summary>
public enum ListStyle
{
    /// <summary>Not shown: the prompt text says it all.</summary>
    None,

    /// <summary>Suggested actions where the channel supports them, else a numbered list.</summary>
    Auto,

    /// <summary>On one line: "(1) Yes or (2) No".</summary>
    Inline,

    /// <summary>A numbered list, one choice per line.</summary>
    List,

    /// <summary>Buttons that disappear once tapped (falls back to a list where unsupported).</summary>
    SuggestedAction,
}
