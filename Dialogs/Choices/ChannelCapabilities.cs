namespace ChatBot.Dialogs.Choices;

/// <summary>
/// The one table of what each channel can render. Channels not listed (SMS, anything new) get plain
/// text: a numbered list always works, and the recognizer accepts the numbers.
/// </summary>
public static class ChannelCapabilities
{
    public static readonly ChannelCapability PlainText = new(0, 0);

    private static readonly Dictionary<string, ChannelCapability> Table = new(StringComparer.OrdinalIgnoreCase)
    {
        ["webchat"] = new(100, 100),
        ["directline"] = new(100, 100),
        ["directlinespeech"] = new(100, 100),
        ["emulator"] = new(100, 100),
        ["msteams"] = new(10, 50),
        ["sms"] = PlainText,
    };

    public static ChannelCapability For(string? channelId) =>
        channelId != null && Table.TryGetValue(channelId, out var capability) ? capability : PlainText;

    /// <summary>True when <paramref name="buttonCount"/> buttons with titles up to <paramref name="longestTitle"/> fit.</summary>
    public static bool SupportsSuggestedActions(string? channelId, int buttonCount, int longestTitle = 0)
    {
        var capability = For(channelId);
        return capability.SupportsSuggestedActions
            && buttonCount <= capability.MaxSuggestedActions
            && longestTitle <= capability.MaxActionTitleLength;
    }
}
