using ChatBot.Handoff.Events;

namespace ChatBot.Metrics;

/// <summary>
/// A deterministic, realistic month of outcome events for the demo store: the same seed, days and end date
/// always give the same events. Everything is labelled: channel "demo", ids starting with "demo-".
/// Weekdays are busier than weekends, and the team answers a little faster as the month goes on.
/// </summary>
public static class DemoMonth
{
    public const string Channel = "demo";

    private static readonly string[] Coaches = ["demo-coach-ana", "demo-coach-ben", "demo-coach-chloe", "demo-coach-dev"];

    private static readonly string[] FaqEntries =
        ["pricing-plans", "free-trial", "import-contacts", "email-sync", "mobile-app", "data-export", "user-seats", "security"];

    /// <summary>Questions the demo knowledge base cannot answer, with their weights: the backlog shows them.</summary>
    private static readonly (string Question, int Weight)[] Unanswered =
    [
        ("Can Larkspur sync with Outlook calendars?", 9),
        ("Do you integrate with Slack?", 7),
        ("Is there an on-premise version?", 5),
        ("How do I merge duplicate contacts?", 5),
        ("can I pay by invoice", 4),
        ("Do you offer a nonprofit discount?", 3),
        ("What's the API rate limit?", 3),
        ("Can I white-label the customer portal?", 2),
        ("Does Larkspur support GDPR data requests?", 2),
        ("Is there a Linux desktop app?", 1),
    ];

    public static List<OutcomeEvent> Generate(DateOnly lastDay, int days, int seed)
    {
        var random = new Random(seed);
        var events = new List<OutcomeEvent>();
        var visitor = 0;
        for (var d = 0; d < days; d++)
        {
            var day = lastDay.AddDays(d - days + 1);
            var weekend = day.DayOfWeek is DayOfWeek.Saturday or DayOfWeek.Sunday;
            var conversations = (weekend ? 12 : 34) + random.Next(0, 10);
            var progress = days == 1 ? 1.0 : (double)d / (days - 1);
            for (var c = 0; c < conversations; c++)
            {
                var start = new DateTimeOffset(day.ToDateTime(new TimeOnly(7, 0)), TimeSpan.Zero)
                    .AddSeconds(random.Next(0, 14 * 3600));
                var conversation = new Script(events, $"demo-{day:yyyyMMdd}-{c:000}", $"demo-visitor-{++visitor:00000}", start);
                Converse(conversation, random, progress);
            }
        }
        return events.OrderBy(e => e.Timestamp).ToList();
    }

    private static void Converse(Script s, Random random, double progress)
    {
        s.Add(0, OutcomeEventNames.EngagementStarted);
        var visitorType = Pick(random, ["prospect", "customer", "partner"], [6, 3, 1]);
        s.Add(3, OutcomeEventNames.VisitorClassified, e => e with { VisitorType = visitorType });

        // Questions first: most visitors ask one or two things.
        var answeredAll = true;
        for (var q = random.Next(0, 3); q > 0; q--)
        {
            if (random.NextDouble() < 0.12)
            {
                s.Add(4, OutcomeEventNames.FaqClarified, e => e with { Score = 0.55 });
            }
            if (random.NextDouble() < 0.78)
            {
                var entry = FaqEntries[random.Next(FaqEntries.Length)];
                var score = Math.Round(0.7 + random.NextDouble() * 0.29, 2);
                s.Add(6, OutcomeEventNames.FaqAnswered, e => e with { FaqEntryId = entry, Score = score });
            }
            else
            {
                answeredAll = false;
                var question = Pick(random, Unanswered.Select(u => u.Question).ToArray(), Unanswered.Select(u => u.Weight).ToArray());
                s.Add(6, OutcomeEventNames.FaqUnanswered, e => e with { Question = question, Score = 0.2 });
            }
        }

        var path = random.NextDouble();
        if (path < 0.55)
        {
            // Self-served by the bot.
            if (random.NextDouble() < 0.45)
            {
                var positive = random.NextDouble() < (answeredAll ? 0.86 : 0.35);
                s.Add(20, OutcomeEventNames.CsatGiven, e => e with { Positive = positive, CoachHandled = false });
            }
            return;
        }

        var team = visitorType == "customer" ? "support" : "sales";
        if (team == "sales")
        {
            var qualified = random.NextDouble() < 0.6;
            s.Add(30, OutcomeEventNames.QualificationCompleted, e => e with { Team = team, Qualified = qualified, Score = qualified ? 70 : 35 });
        }
        s.Add(2, OutcomeEventNames.Routed, e => e with { Team = team, Route = team });
        s.Add(1, OutcomeEventNames.HandoffRequested, e => e with { Team = team });
        var requestedAt = s.Clock;
        s.Add(0, OutcomeEventNames.HandoffQueued, e => e with { Team = team });
        s.Add(1, OutcomeEventNames.HandoffAlerted, e => e with { Team = team });

        var fate = random.NextDouble();
        if (fate < 0.07)
        {
            s.At(requestedAt.AddSeconds(30 + random.Next(0, 90)), OutcomeEventNames.HandoffAbandoned, e => e with { Team = team });
            return;
        }
        if (fate < 0.13)
        {
            var why = Pick(random, ["timeout", "nobody-available", "closed-hours"], [5, 3, 2]);
            s.At(requestedAt.AddSeconds(120), OutcomeEventNames.HandoffMissed, e => e with { Team = team, Outcome = why });
            if (random.NextDouble() < 0.3)
            {
                s.Add(10, OutcomeEventNames.CsatGiven, e => e with { Positive = false, CoachHandled = false });
            }
            return;
        }

        // Answered: waits shrink as the month goes on, with a long tail.
        var coach = Coaches[random.Next(Coaches.Length)];
        var typical = 16 - 5 * progress;
        var waitSeconds = Math.Max(2, typical * Math.Exp(0.6 * Gaussian(random)) - 4);
        var firstReplySeconds = waitSeconds + 2 + random.NextDouble() * 6;
        s.At(requestedAt.AddSeconds(waitSeconds), OutcomeEventNames.HandoffAccepted,
            e => e with { Team = team, CoachId = coach, DurationMs = (long)(waitSeconds * 1000) });
        s.At(requestedAt.AddSeconds(firstReplySeconds), OutcomeEventNames.HandoffFirstReply,
            e => e with { Team = team, CoachId = coach, DurationMs = (long)(firstReplySeconds * 1000) });
        if (random.NextDouble() < 0.2)
        {
            s.Add(90, OutcomeEventNames.HandoffNote, e => e with { Team = team, CoachId = coach });
        }
        var outcome = team == "support"
            ? "resolved"
            : random.NextDouble() < 0.45 + 0.1 * progress ? "qualified" : "not-qualified";
        s.Add(240 + random.Next(0, 600), OutcomeEventNames.HandoffEnded, e => e with { Team = team, CoachId = coach, Outcome = outcome });
        if (random.NextDouble() < 0.55)
        {
            var positive = random.NextDouble() < (firstReplySeconds <= 20 ? 0.9 : 0.7);
            s.Add(15, OutcomeEventNames.CsatGiven, e => e with { Team = team, Positive = positive, CoachHandled = true });
        }
    }

    private static string Pick(Random random, string[] values, int[] weights)
    {
        var roll = random.Next(weights.Sum());
        for (var i = 0; i < values.Length; i++)
        {
            roll -= weights[i];
            if (roll < 0)
            {
                return values[i];
            }
        }
        return values[^1];
    }

    private static double Gaussian(Random random) =>
        Math.Sqrt(-2 * Math.Log(1 - random.NextDouble())) * Math.Cos(2 * Math.PI * random.NextDouble());

    /// <summary>Writes one conversation's events in order, with deterministic ids.</summary>
    private sealed class Script(List<OutcomeEvent> events, string conversationId, string visitorId, DateTimeOffset start)
    {
        private int _count;

        public DateTimeOffset Clock { get; private set; } = start;

        public void Add(double afterSeconds, string name, Func<OutcomeEvent, OutcomeEvent>? fill = null) =>
            At(Clock.AddSeconds(afterSeconds), name, fill);

        public void At(DateTimeOffset when, string name, Func<OutcomeEvent, OutcomeEvent>? fill = null)
        {
            Clock = when > Clock ? when : Clock;
            var e = new OutcomeEvent
            {
                Id = $"{conversationId}-{++_count:00}",
                Name = name,
                Timestamp = Clock,
                ConversationId = conversationId,
                VisitorId = visitorId,
                Channel = Channel,
            };
            events.Add(fill == null ? e : fill(e));
        }
    }
}
