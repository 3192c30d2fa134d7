using System.Globalization;
using System.Text.RegularExpressions;

namespace ChatBot.Metrics;

/// <summary>
/// The query of a metrics request: from and to are UTC dates (yyyy-MM-dd), both days included; the default
/// is the last 30 days up to today. team is optional. demo=1 reads the demo store.
/// </summary>
public sealed partial record MetricsRequest(DateOnly From, DateOnly To, string? Team, bool Demo)
{
    public DateTimeOffset Start => new(From.ToDateTime(TimeOnly.MinValue), TimeSpan.Zero);
    /// <summary>The exclusive end: midnight after the last day.</summary>
    public DateTimeOffset End => new(To.AddDays(1).ToDateTime(TimeOnly.MinValue), TimeSpan.Zero);

    public static bool TryParse(IQueryCollection query, DateOnly today, int maxDays, out MetricsRequest request, out string error)
    {
        request = new MetricsRequest(today.AddDays(-29), today, null, false);
        error = string.Empty;

        var to = today;
        if (query.TryGetValue("to", out var toText) && !TryDate(toText, out to))
        {
            error = $"to must be a date like 2026-11-30, from {Earliest:yyyy-MM-dd} to {Latest:yyyy-MM-dd}.";
            return false;
        }
        var from = to.AddDays(-29) < Earliest ? Earliest : to.AddDays(-29);
        if (query.TryGetValue("from", out var fromText) && !TryDate(fromText, out from))
        {
            error = $"from must be a date like 2026-11-01, from {Earliest:yyyy-MM-dd} to {Latest:yyyy-MM-dd}.";
            return false;
        }
        if (from > to)
        {
            error = "from must not be after to.";
            return false;
        }
        if (to.DayNumber - from.DayNumber + 1 > maxDays)
        {
            error = $"The range may span at most {maxDays} days.";
            return false;
        }

        string? team = null;
        if (query.TryGetValue("team", out var teamText) && !string.IsNullOrEmpty(teamText))
        {
            if (teamText.Count != 1 || !TeamPattern().IsMatch(teamText[0]!))
            {
                error = "team must be a team name such as sales or support.";
                return false;
            }
            team = teamText[0]!.ToLowerInvariant();
        }

        var demo = false;
        if (query.TryGetValue("demo", out var demoText))
        {
            switch (demoText.ToString())
            {
                case "1" or "true": demo = true; break;
                case "0" or "false" or "": demo = false; break;
                default:
                    error = "demo must be 1 or 0.";
                    return false;
            }
        }

        request = new MetricsRequest(from, to, team, demo);
        return true;
    }

    /// <summary>Dates the bot can have events for; the bounds keep range arithmetic (days back, days past the end) in range.</summary>
    public static readonly DateOnly Earliest = new(2000, 1, 1);
    public static readonly DateOnly Latest = new(9000, 12, 31);

    private static bool TryDate(Microsoft.Extensions.Primitives.StringValues text, out DateOnly date)
    {
        date = default;
        return text.Count == 1 && DateOnly.TryParseExact(text[0], "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out date)
            && date >= Earliest && date <= Latest;
    }

    [GeneratedRegex("^[A-Za-z0-9_-]{1,40}$")]
    private static partial Regex TeamPattern();
}
