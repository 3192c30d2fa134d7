namespace ChatBot.Dialogs.Choices;

/// <summary>What a channel can show.</summary>
/// <param name="MaxSuggestedActions">0 when the channel has no suggested actions.</param>
/// <param name="MaxActionTitleLength">Longest button title the channel shows in full.</param>
public sealed record ChannelCapability(int MaxSuggestedActions, int MaxActionTitleLength)
{
    public bool SupportsSuggestedActions => MaxSuggestedActions > 0;
}
