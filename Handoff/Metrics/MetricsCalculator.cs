using ChatBot.Handoff.Events;

namespace ChatBot.Handoff.Metrics;

/// <summary>
/// Computes the team's shared numbers from outcome events and nothing else, so anyone can reproduce
/// them from an export. Conversation-level: a conversation counts when its engagement.started falls in
/// the range, and then all of its supplied events count, including those after the range end (the
/// caller reads a little past the end for that); its events are ignored when it started outside the
/// range. Exact definitions: docs/metrics.md.
/// </summary>
public static class MetricsCalculator
{
    /// <summary>Upper edges of the first-response histogram bins, in seconds (the target is added as an edge).</summary>
    private static readonly double[] HistogramEdges = [5, 10, 15, 20, 25, 30, 45, 60, 90, 120, 180, 300];

    public static MetricsReport Compute(IEnumerable<OutcomeEvent> events, MetricsQuery query)
    {
        ArgumentNullException.ThrowIfNull(events);
        ArgumentNullException.ThrowIfNull(query);
        if (query.To < query.From)
        {
            throw new ArgumentException("The range ends before it starts.", nameof(query));
        }

        var conversations = Read(events)
            .Where(c => c.Started >= query.From && c.Started < query.To)
            .Where(c => query.Team == null || string.Equals(c.Team, query.Team, StringComparison.OrdinalIgnoreCase))
            .ToList();

        var totals = Sum(conversations, query.TargetSeconds);
        var answered = conversations.SelectMany(c => c.Requests)
            .Where(r => r.AnsweredSeconds != null).Select(r => r.AnsweredSeconds!.Value)
            .Order().ToList();

        return new MetricsReport
        {
            From = query.From,
            To = query.To,
            Team = query.Team,
            TargetSeconds = query.TargetSeconds,
            Engagements = totals.Engagements,
            Deflection = totals.Deflection,
            ChatsHandled = totals.Handled,
            PassThrough = totals.PassThrough,
            Csat = totals.Csat,
            ResponseTime = new ResponseTimeFigures(
                totals.Requests,
                answered.Count,
                totals.Requests - answered.Count,
                totals.WithinTarget,
                Percentile(answered, 0.5),
                Percentile(answered, 0.9),
                Histogram(answered, query.TargetSeconds)),
            Queue = new QueueFigures(totals.Abandoned, totals.Missed),
            FaqAnswers = totals.FaqAnswers,
            TopUnanswered = conversations.SelectMany(c => c.UnansweredQuestions)
                .Where(q => q.Length > 0)
                .GroupBy(q => q, StringComparer.Ordinal)
                .Select(g => new UnansweredQuestion(g.Key, g.Count()))
                .OrderByDescending(q => q.Count).ThenBy(q => q.Question, StringComparer.Ordinal)
                .Take(Math.Max(0, query.TopQuestions))
                .ToList(),
            Daily = Daily(conversations, query),
        };
    }

    /// <summary>Linear interpolation between closest ranks (Excel PERCENTILE.INC); null for no values.</summary>
    public static double? Percentile(IReadOnlyList<double> sorted, double p)
    {
        if (sorted.Count == 0)
        {
            return null;
        }
        var h = (sorted.Count - 1) * p;
        var lower = (int)Math.Floor(h);
        var upper = Math.Min(lower + 1, sorted.Count - 1);
        return Math.Round(sorted[lower] + (h - lower) * (sorted[upper] - sorted[lower]), 3);
    }

    private static List<ConversationFacts> Read(IEnumerable<OutcomeEvent> events) =>
        events
            .Select((e, i) => (Event: e, Index: i))
            .GroupBy(x => x.Event.ConversationId, StringComparer.Ordinal)
            .Select(g => ConversationFacts.Read(g
                .OrderBy(x => x.Event.Timestamp).ThenBy(x => x.Index)
                .Select(x => x.Event).ToList()))
            .OfType<ConversationFacts>()
            .ToList();

    private static Sums Sum(IReadOnlyCollection<ConversationFacts> conversations, double targetSeconds)
    {
        var requests = conversations.SelectMany(c => c.Requests).ToList();
        var handled = conversations.Where(c => c.Handled).ToList();
        var csat = conversations.Where(c => c.Csat != null).Select(c => c.Csat!.Value).ToList();
        var faqUnanswered = conversations.Sum(c => c.UnansweredQuestions.Count);
        var faqAnswered = conversations.Sum(c => c.FaqAnswered);
        return new Sums(
            conversations.Count,
            new Ratio(conversations.Count(c => !c.CoachAccepted), conversations.Count),
            handled.Count,
            new Ratio(handled.Count(c => c.EndedQualified), handled.Count),
            new CsatFigures(
                new Ratio(csat.Count(x => x.Positive), csat.Count),
                new Ratio(conversations.Count(c => c.BotCsat == true), conversations.Count(c => c.BotCsat != null)),
                new Ratio(conversations.Count(c => c.CoachCsat == true), conversations.Count(c => c.CoachCsat != null))),
            requests.Count,
            new Ratio(requests.Count(r => r.AnsweredSeconds <= targetSeconds), requests.Count),
            new Ratio(requests.Count(r => r.CountsAsAbandoned), requests.Count),
            new Ratio(requests.Count(r => r.CountsAsMissed), requests.Count),
            new Ratio(faqAnswered, faqAnswered + faqUnanswered));
    }

    private static List<DailyMetrics> Daily(IReadOnlyCollection<ConversationFacts> conversations, MetricsQuery query)
    {
        var days = new List<DailyMetrics>();
        var byDay = conversations.ToLookup(c => DateOnly.FromDateTime(c.Started.UtcDateTime));
        var first = DateOnly.FromDateTime(query.From.UtcDateTime);
        // The last day is the one holding the instant just before the (exclusive) end.
        var last = DateOnly.FromDateTime(query.To > query.From ? query.To.UtcDateTime.AddTicks(-1) : query.From.UtcDateTime);
        for (var day = first; day <= last; day = day.AddDays(1))
        {
            var s = Sum(byDay[day].ToList(), query.TargetSeconds);
            days.Add(new DailyMetrics(
                day, s.Engagements, s.Handled, s.Requests,
                s.Deflection.Rate, s.PassThrough.Rate, s.Csat.Overall.Rate,
                s.WithinTarget.Rate, s.Abandoned.Rate, s.FaqAnswers.Rate));
        }
        return days;
    }

    private static List<HistogramBin> Histogram(IReadOnlyList<double> answeredSeconds, double targetSeconds)
    {
        var edges = HistogramEdges.Append(targetSeconds).Where(e => e > 0).Distinct().Order().ToList();
        var bins = new List<HistogramBin>();
        var lower = 0.0;
        foreach (var upper in edges)
        {
            var from = lower;
            bins.Add(new HistogramBin(from, upper, answeredSeconds.Count(s => (s > from || from == 0) && s <= upper)));
            lower = upper;
        }
        bins.Add(new HistogramBin(lower, null, answeredSeconds.Count(s => s > lower)));
        return bins;
    }

    private sealed record Sums(
        int Engagements,
        Ratio Deflection,
        int Handled,
        Ratio PassThrough,
        CsatFigures Csat,
        int Requests,
        Ratio WithinTarget,
        Ratio Abandoned,
        Ratio Missed,
        Ratio FaqAnswers);
}
