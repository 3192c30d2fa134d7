namespace ChatBot.Dialogs.Prospects;

/// <summary>Who the visitor is, as the page says (channel data), the profile remembers or the visitor answered.</summary>
public static class VisitorTypes
{
    /// <summary>Not using Larkspur yet.</summary>
    public const string Prospect = "prospect";

    /// <summary>Uses the Free plan.</summary>
    public const string Free = "free";

    /// <summary>Pays for a plan.</summary>
    public const string Customer = "customer";

    public static readonly IReadOnlyList<string> All = [Prospect, Free, Customer];

    /// <summary>The canonical type for <paramref name="value"/> (case and spaces ignored), or null when it is none of them.</summary>
    public static string? Parse(string? value)
    {
        var trimmed = value?.Trim();
        return All.FirstOrDefault(t => string.Equals(t, trimmed, StringComparison.OrdinalIgnoreCase));
    }
}
