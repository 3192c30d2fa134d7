using ChatBot.Handoff.Requests;

namespace ChatBot.Handoff.Commands;

/// <summary>
/// Reads a coach's message as a command, strictly: only an exact command form counts, so a coach writing
/// "End of month works for us" to a visitor sends that sentence instead of ending the chat. A leading "/" is
/// allowed ("/end qualified"). Anything else is null: a message for the visitor.
/// </summary>
public static class CoachCommandParser
{
    public static readonly string[] EndOutcomes = [HandoffOutcomes.Qualified, HandoffOutcomes.NotQualified, HandoffOutcomes.Resolved];

    public static CoachCommand? Parse(string? text)
    {
        if (string.IsNullOrWhiteSpace(text))
        {
            return null;
        }
        var trimmed = text.Trim();
        if (trimmed.StartsWith('/'))
        {
            trimmed = trimmed[1..];
        }
        var words = trimmed.Split((char[]?)null, StringSplitOptions.RemoveEmptyEntries);
        if (words.Length == 0)
        {
            return null;
        }
        var verb = words[0].ToLowerInvariant();
        var rest = words.Length > 1 ? trimmed[(trimmed.IndexOf(words[0], StringComparison.Ordinal) + words[0].Length)..].Trim() : "";
        return (verb, words.Length) switch
        {
            ("queue", 1) => new CoachCommand(CoachCommandKind.Queue),
            ("available", 1) => new CoachCommand(CoachCommandKind.Available),
            ("away", 1) => new CoachCommand(CoachCommandKind.Away),
            ("help", 1) => new CoachCommand(CoachCommandKind.Help),
            ("accept", 2) when words[1].Equals("next", StringComparison.OrdinalIgnoreCase) => new CoachCommand(CoachCommandKind.Accept),
            ("accept", 2) when int.TryParse(words[1].TrimStart('#'), out var ticket) && ticket > 0 => new CoachCommand(CoachCommandKind.Accept, ticket),
            ("end", 1) => new CoachCommand(CoachCommandKind.End, Argument: HandoffOutcomes.Resolved),
            ("end", 2) when EndOutcomes.Contains(words[1].ToLowerInvariant()) => new CoachCommand(CoachCommandKind.End, Argument: words[1].ToLowerInvariant()),
            ("transfer", 2) => new CoachCommand(CoachCommandKind.Transfer, Argument: words[1].ToLowerInvariant()),
            ("note", > 1) => new CoachCommand(CoachCommandKind.Note, Argument: rest),
            _ => null,
        };
    }
}
