using System.Globalization;
using System.Text.RegularExpressions;
using ChatBot.Dialogs.Recognizers;

namespace ChatBot.Dialogs.Prospects;

/// <summary>A paid plan's annual-billing price per seat per month, and its seat minimum (1 when none).</summary>
public sealed record PlanPrice(string Plan, decimal PerSeatPerMonth, int MinimumSeats);

/// <summary>
/// The per-seat prices, read from the knowledge base's price list (the entry of Qualification:PricingEntryId), so
/// the prices live in one place: change kb.json and the estimates follow. A plan is read where the answer says
/// "**Name** ($N per seat per month billed annually" (optionally "... with a 10-seat minimum"); a plan without a
/// per-seat price (Free) has no estimate.
/// </summary>
public static partial class PlanPrices
{
    [GeneratedRegex(@"\*\*(?<plan>[A-Za-z][\w +-]{0,30})\*\*\s*\(\$(?<price>\d[\d,]*(\.\d{1,2})?) per (seat|user) per month,? billed annually(?<rest>[^)]*)\)")]
    private static partial Regex PlanPattern();

    [GeneratedRegex(@"(?<min>\d+)[- ](seat|user) minimum|minimum of (?<min>\d+) (seats|users)")]
    private static partial Regex MinimumPattern();

    /// <summary>The plans priced in <paramref name="markdown"/>, in the order given; empty when none is.</summary>
    public static IReadOnlyList<PlanPrice> Read(string? markdown)
    {
        if (string.IsNullOrWhiteSpace(markdown))
        {
            return [];
        }
        var plans = new List<PlanPrice>();
        foreach (Match m in PlanPattern().Matches(markdown))
        {
            var price = decimal.Parse(m.Groups["price"].Value.Replace(",", ""), NumberStyles.AllowDecimalPoint, CultureInfo.InvariantCulture);
            var minimum = MinimumPattern().Match(m.Groups["rest"].Value);
            var seats = minimum.Success ? int.Parse(minimum.Groups["min"].Value, CultureInfo.InvariantCulture) : 1;
            plans.Add(new PlanPrice(m.Groups["plan"].Value.Trim(), price, Math.Max(1, seats)));
        }
        return plans;
    }

    /// <summary>The one plan <paramref name="message"/> names ("professional", "the Pro plan"), or null (none, or several).</summary>
    public static PlanPrice? NamedIn(string? message, IReadOnlyList<PlanPrice> plans)
    {
        var words = " " + TextNormalizer.Normalize(message) + " ";
        var named = plans.Where(p =>
        {
            var name = TextNormalizer.Normalize(p.Plan);
            // The usual short form: "pro" for Professional.
            return words.Contains(" " + name + " ", StringComparison.Ordinal)
                || (name.Length > 3 && !name.Contains(' ') && words.Contains(" " + name[..3] + " ", StringComparison.Ordinal));
        }).ToList();
        return named.Count == 1 ? named[0] : null;
    }

    /// <summary>Seats billed for <paramref name="size"/> people (at least the plan's minimum), and the monthly and yearly totals.</summary>
    public static (int Seats, decimal Monthly, decimal Yearly) Estimate(PlanPrice plan, int size)
    {
        var seats = Math.Max(size, plan.MinimumSeats);
        var monthly = seats * plan.PerSeatPerMonth;
        return (seats, monthly, monthly * 12);
    }
}
