using System.Globalization;
using System.Text;
using ChatBot.Handoff.Events;
using ChatBot.Handoff.Metrics;

namespace ChatBot.Metrics;

/// <summary>The CSV exports (RFC 4180, invariant culture, empty cell for null), for spreadsheets and for re-checking the numbers.</summary>
public static class MetricsCsv
{
    public static readonly string[] EventColumns =
    [
        "schemaVersion", "id", "name", "timestamp", "conversationId", "visitorId", "channel", "team", "visitorType",
        "intent", "faqEntryId", "score", "qualified", "route", "coachId", "durationMs", "outcome", "positive",
        "coachHandled", "question",
    ];

    public static readonly string[] DailyColumns =
    [
        "date", "engagements", "chatsHandled", "handoffRequests", "deflectionRate", "passThroughRate", "csatRate",
        "responseWithinTargetShare", "abandonmentRate", "faqAnswerRate",
    ];

    public static string EventRow(OutcomeEvent e) => Row(
        e.SchemaVersion, e.Id, e.Name, e.Timestamp.UtcDateTime.ToString("yyyy-MM-ddTHH:mm:ss.fffZ", CultureInfo.InvariantCulture),
        e.ConversationId, e.VisitorId, e.Channel, e.Team, e.VisitorType, e.Intent, e.FaqEntryId, e.Score, e.Qualified,
        e.Route, e.CoachId, e.DurationMs, e.Outcome, e.Positive, e.CoachHandled, e.Question);

    public static string DailyRow(DailyMetrics d) => Row(
        d.Date.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture), d.Engagements, d.ChatsHandled, d.HandoffRequests,
        d.DeflectionRate, d.PassThroughRate, d.CsatRate, d.ResponseWithinTargetShare, d.AbandonmentRate, d.FaqAnswerRate);

    public static string Header(IEnumerable<string> columns) => string.Join(',', columns);

    private static string Row(params object?[] values) => string.Join(',', values.Select(Cell));

    private static string Cell(object? value)
    {
        var text = value switch
        {
            null => string.Empty,
            bool b => b ? "true" : "false",
            double d => d.ToString("R", CultureInfo.InvariantCulture),
            IFormattable f => f.ToString(null, CultureInfo.InvariantCulture),
            _ => value.ToString() ?? string.Empty,
        };
        // A visitor's question must not become a spreadsheet formula when the export is opened.
        if (value is string && text.Length > 0 && "=+-@\t\r".Contains(text[0]))
        {
            text = "'" + text;
        }
        if (text.IndexOfAny([',', '"', '\n', '\r']) >= 0)
        {
            text = "\"" + text.Replace("\"", "\"\"") + "\"";
        }
        return text;
    }

    public static string Join(string header, IEnumerable<string> rows)
    {
        var builder = new StringBuilder(header).Append("\r\n");
        foreach (var row in rows)
        {
            builder.Append(row).Append("\r\n");
        }
        return builder.ToString();
    }
}
