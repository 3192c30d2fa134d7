using Microsoft.Bot.Schema;

namespace ChatBot.Dialogs.Choices;

/// <summary>Adds choices to a prompt activity the way the channel can show them.</summary>
public static class ChoiceFactory
{
    /// <summary>Choices from plain strings, as the SDK's ChoiceFactory.ToChoices.</summary>
    public static List<Choice> ToChoices(IEnumerable<string> values) =>
        values.Where(v => !string.IsNullOrWhiteSpace(v)).Select(v => new Choice(v)).ToList();

    /// <summary>The style Auto resolves to on <paramref name="channelId"/> for these choices.</summary>
    public static ListStyle ResolveStyle(string? channelId, IList<Choice> choices, ListStyle style)
    {
        if (style == ListStyle.Auto || style == ListStyle.SuggestedAction)
        {
            var longest = choices.Count == 0 ? 0 : choices.Max(c => Title(c).Length);
            return ChannelCapabilities.SupportsSuggestedActions(channelId, choices.Count, longest) ? ListStyle.SuggestedAction : ListStyle.List;
        }
        return style;
    }

    /// <summary>Returns <paramref name="prompt"/> (modified) with the choices appended for the channel.</summary>
    public static Activity AppendChoices(Activity prompt, string? channelId, IList<Choice> choices, ListStyle style)
    {
        ArgumentNullException.ThrowIfNull(prompt);
        if (choices.Count == 0)
        {
            return prompt;
        }
        switch (ResolveStyle(channelId, choices, style))
        {
            case ListStyle.SuggestedAction:
                prompt.SuggestedActions = new SuggestedActions
                {
                    Actions = choices.Select(ToAction).ToList(),
                };
                break;
            case ListStyle.List:
                prompt.Text = Join(prompt.Text, NumberedList(choices));
                break;
            case ListStyle.Inline:
                prompt.Text = Join(prompt.Text, Inline(choices));
                break;
        }
        return prompt;
    }

    /// <summary>"1. Starter\n2. Professional": one choice a line, numbered so SMS users can answer "2".</summary>
    public static string NumberedList(IList<Choice> choices) =>
        string.Join("\n", choices.Select((c, i) => $"{i + 1}. {Title(c)}"));

    /// <summary>"(1) Yes or (2) No".</summary>
    public static string Inline(IList<Choice> choices)
    {
        var items = choices.Select((c, i) => $"({i + 1}) {Title(c)}").ToList();
        return items.Count switch
        {
            1 => items[0],
            2 => $"{items[0]} or {items[1]}",
            _ => string.Join(", ", items.Take(items.Count - 1)) + ", or " + items[^1],
        };
    }

    public static string Title(Choice choice) =>
        !string.IsNullOrWhiteSpace(choice.Action?.Title) ? choice.Action!.Title : choice.Value;

    private static CardAction ToAction(Choice choice) => choice.Action ?? new CardAction
    {
        Type = ActionTypes.ImBack,
        Title = choice.Value,
        Value = choice.Value,
    };

    private static string Join(string? text, string list) =>
        string.IsNullOrWhiteSpace(text) ? list : text.TrimEnd() + (list.Contains('\n') ? "\n\n" : " ") + list;
}
