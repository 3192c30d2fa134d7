namespace ChatBot.Dialogs.Prospects;

/// <summary>
/// What a <see cref="QuickReplyPrompt"/> read from the answer: the offered choice it names exactly (button, value or
/// number), and/or a yes/no or skip reading; none of them when the visitor said something else (a new question).
/// </summary>
public sealed class QuickReply
{
    public string Text { get; set; } = "";

    /// <summary>The offered choice named exactly (tapped button, its text, or its number); null otherwise.</summary>
    public int? ChoiceIndex { get; set; }

    public string? ChoiceValue { get; set; }

    public bool? YesNo { get; set; }

    public bool Skip { get; set; }
}
