using System.Globalization;
using ChatBot.Handoff.Options;

namespace ChatBot.Handoff.Coaches;

/// <summary>A team's office hours, parsed once: is the team open at a given instant?</summary>
public sealed class TeamSchedule
{
    private static readonly string[] DayNames = ["sun", "mon", "tue", "wed", "thu", "fri", "sat"];
    private readonly TimeZoneInfo _zone;
    private readonly List<(HashSet<DayOfWeek> Days, TimeSpan Open, TimeSpan Close)> _rules;

    private TeamSchedule(TimeZoneInfo zone, List<(HashSet<DayOfWeek>, TimeSpan, TimeSpan)> rules)
    {
        _zone = zone;
        _rules = rules;
    }

    /// <summary>Throws <see cref="FormatException"/> with a readable message when the configuration is wrong.</summary>
    public static TeamSchedule Create(TeamOptions team)
    {
        TimeZoneInfo zone;
        try
        {
            zone = TimeZoneInfo.FindSystemTimeZoneById(team.TimeZone);
        }
        catch (Exception e) when (e is TimeZoneNotFoundException or InvalidTimeZoneException)
        {
            throw new FormatException($"unknown time zone '{team.TimeZone}'.");
        }
        var rules = team.OfficeHours.Select(r => (ParseDays(r.Days), ParseTime(r.Open), ParseTime(r.Close))).ToList();
        foreach (var (_, open, close) in rules)
        {
            if (close <= open)
            {
                throw new FormatException($"office hours close ({close:hh\\:mm}) must be after open ({open:hh\\:mm}).");
            }
        }
        return new TeamSchedule(zone, rules);
    }

    /// <summary>No rules means always open.</summary>
    public bool IsOpen(DateTimeOffset now)
    {
        if (_rules.Count == 0)
        {
            return true;
        }
        var local = TimeZoneInfo.ConvertTime(now, _zone);
        return _rules.Any(r => r.Days.Contains(local.DayOfWeek) && local.TimeOfDay >= r.Open && local.TimeOfDay < r.Close);
    }

    private static TimeSpan ParseTime(string text)
    {
        if (text == "24:00")
        {
            return TimeSpan.FromHours(24);
        }
        if (TimeSpan.TryParseExact(text, @"hh\:mm", CultureInfo.InvariantCulture, out var time))
        {
            return time;
        }
        throw new FormatException($"'{text}' is not a time of day (HH:mm).");
    }

    private static HashSet<DayOfWeek> ParseDays(string text)
    {
        var days = new HashSet<DayOfWeek>();
        foreach (var part in text.Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries))
        {
            var range = part.Split('-', StringSplitOptions.TrimEntries);
            var first = Day(range[0]);
            var last = range.Length > 1 ? Day(range[1]) : first;
            for (var d = first; ; d = (d + 1) % 7)
            {
                days.Add((DayOfWeek)d);
                if (d == last)
                {
                    break;
                }
            }
        }
        if (days.Count == 0)
        {
            throw new FormatException($"'{text}' names no days (use e.g. Mon-Fri).");
        }
        return days;
    }

    private static int Day(string name)
    {
        var index = Array.IndexOf(DayNames, name.Length >= 3 ? name[..3].ToLowerInvariant() : name.ToLowerInvariant());
        return index >= 0 ? index : throw new FormatException($"'{name}' is not a day (use Mon, Tue, ...).");
    }
}
