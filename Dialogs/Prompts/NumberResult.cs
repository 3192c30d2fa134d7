using System.Globalization;
using Newtonsoft.Json;

namespace ChatBot.Dialogs.Prompts;

/// <summary>
/// A number the visitor gave: a single <see cref="Value"/> ("1,200", "fifty", "about 50"), or a range
/// ("10-50": Min 10, Max 50; "50+": Min 50; "under 10": Max 10). <see cref="Approximate"/> marks "about",
/// "~", "50ish"...
/// </summary>
public sealed class NumberResult
{
    public double? Value { get; set; }

    public double? Min { get; set; }

    public double? Max { get; set; }

    public bool Approximate { get; set; }

    [JsonIgnore]
    public bool IsRange => Value == null && (Min != null || Max != null);

    /// <summary>One representative number: the value, a closed range's midpoint, or its known bound.</summary>
    [JsonIgnore]
    public double? Estimate => Value ?? (Min != null && Max != null ? (Min + Max) / 2 : Min ?? Max);

    public override string ToString()
    {
        static string F(double? d) => d?.ToString("0.##", CultureInfo.InvariantCulture) ?? "?";
        var prefix = Approximate ? "~" : string.Empty;
        if (Value != null)
        {
            return prefix + F(Value);
        }
        if (Min != null && Max != null)
        {
            return $"{prefix}{F(Min)}-{F(Max)}";
        }
        return Min != null ? $"{prefix}{F(Min)}+" : $"{prefix}<{F(Max)}";
    }
}
