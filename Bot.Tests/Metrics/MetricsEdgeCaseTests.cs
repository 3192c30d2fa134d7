using ChatBot.Handoff.Events;
using ChatBot.Handoff.Metrics;
using N = ChatBot.Handoff.Events.OutcomeEventNames;

namespace ChatBot.Tests.Metrics;

public class MetricsEdgeCaseTests
{
    private static readonly DateTimeOffset Day1 = new(2026, 11, 1, 0, 0, 0, TimeSpan.Zero);

    [Fact]
    public void No_data_gives_zero_counts_and_null_rates_for_every_day()
    {
        var report = MetricsCalculator.Compute([], new MetricsQuery { From = Day1, To = Day1.AddDays(3) });

        Assert.Equal(0, report.Engagements);
        Assert.Equal(0, report.ChatsHandled);
        Assert.Null(report.Deflection.Rate);
        Assert.Null(report.PassThrough.Rate);
        Assert.Null(report.Csat.Overall.Rate);
        Assert.Null(report.Csat.BotOnly.Rate);
        Assert.Null(report.Csat.CoachHandled.Rate);
        Assert.Null(report.ResponseTime.WithinTarget.Rate);
        Assert.Null(report.ResponseTime.MedianSeconds);
        Assert.Null(report.ResponseTime.P90Seconds);
        Assert.Null(report.Queue.Abandoned.Rate);
        Assert.Null(report.FaqAnswers.Rate);
        Assert.Empty(report.TopUnanswered);
        Assert.All(report.ResponseTime.Histogram, b => Assert.Equal(0, b.Count));
        Assert.Equal([Day1, Day1.AddDays(1), Day1.AddDays(2)], report.Daily.Select(d => new DateTimeOffset(d.Date.ToDateTime(TimeOnly.MinValue), TimeSpan.Zero)));
        Assert.All(report.Daily, d =>
        {
            Assert.Equal(0, d.Engagements);
            Assert.Null(d.DeflectionRate);
            Assert.Null(d.CsatRate);
            Assert.Null(d.ResponseWithinTargetShare);
        });
    }

    [Fact]
    public void Zero_denominators_are_null_while_other_rates_are_computed()
    {
        // One engagement, nothing else: deflection 1/1, every other denominator is zero.
        var events = new EventScript("only", Day1.AddHours(9)).At(0, N.EngagementStarted).Events;

        var report = MetricsCalculator.Compute(events, new MetricsQuery { From = Day1, To = Day1.AddDays(1) });

        Assert.Equal(1.0, report.Deflection.Rate);
        Assert.Equal(new Ratio(0, 0), report.PassThrough);
        Assert.Null(report.PassThrough.Rate);
        Assert.Null(report.Csat.Overall.Rate);
        Assert.Null(report.ResponseTime.WithinTarget.Rate);
        Assert.Null(report.FaqAnswers.Rate);
    }

    /*
     * A conversation that starts at 23:59:50 on day 1 and gets its first reply at 00:00:07 on day 2 (12 s after
     * the 23:59:55 request) belongs to day 1, whole: day 1 counts its engagement and its answered request,
     * day 2 counts nothing of it (even though the reply happened on day 2).
     * A conversation that started on day 0 and gave feedback on day 1 counts nowhere in day 1.
     */
    [Fact]
    public void A_conversation_cut_by_the_range_counts_whole_on_the_day_it_started()
    {
        var crossing = new EventScript("crossing", Day1.AddDays(1).AddSeconds(-10))
            .At(0, N.EngagementStarted)
            .At(5, N.HandoffRequested, e => e with { Team = "sales" })
            .At(15, N.HandoffAccepted, e => e with { Team = "sales", CoachId = "ana", DurationMs = 10_000 })
            .At(17, N.HandoffFirstReply, e => e with { Team = "sales", CoachId = "ana", DurationMs = 12_000 })
            .At(300, N.HandoffEnded, e => e with { Team = "sales", Outcome = "qualified" })
            .Events;
        var earlier = new EventScript("earlier", Day1.AddHours(-1))
            .At(0, N.EngagementStarted)
            .At(3700, N.CsatGiven, e => e with { Positive = true, CoachHandled = false })
            .Events;
        var events = crossing.Concat(earlier).ToList();

        var day1 = MetricsCalculator.Compute(events, new MetricsQuery { From = Day1, To = Day1.AddDays(1) });
        var day2 = MetricsCalculator.Compute(events, new MetricsQuery { From = Day1.AddDays(1), To = Day1.AddDays(2) });
        var both = MetricsCalculator.Compute(events, new MetricsQuery { From = Day1, To = Day1.AddDays(2) });

        Assert.Equal(1, day1.Engagements);
        Assert.Equal(1, day1.ChatsHandled);
        Assert.Equal(new Ratio(1, 1), day1.ResponseTime.WithinTarget);
        Assert.Equal(12, day1.ResponseTime.MedianSeconds);
        Assert.Equal(new Ratio(0, 0), day1.Csat.Overall);

        Assert.Equal(0, day2.Engagements);
        Assert.Equal(0, day2.ResponseTime.Requests);

        // Days add up: the two-day range is the sum of its days, and the series puts it on day 1.
        Assert.Equal(day1.Engagements + day2.Engagements, both.Engagements);
        Assert.Equal([1, 0], both.Daily.Select(d => d.Engagements));
    }

    [Fact]
    public void Conversations_without_engagement_started_are_ignored()
    {
        // A coach note or a stray CSAT with no visitor message is not an engagement.
        var events = new EventScript("silent", Day1.AddHours(9))
            .At(0, N.HandoffNote, e => e with { CoachId = "ana" })
            .At(5, N.CsatGiven, e => e with { Positive = false })
            .Events;

        var report = MetricsCalculator.Compute(events, new MetricsQuery { From = Day1, To = Day1.AddDays(1) });

        Assert.Equal(0, report.Engagements);
        Assert.Equal(0, report.Csat.Overall.Total);
    }

    [Fact]
    public void Only_the_last_feedback_of_a_conversation_counts_and_coach_handled_falls_back_to_the_handoff()
    {
        var events = new EventScript("changed-mind", Day1.AddHours(9))
            .At(0, N.EngagementStarted)
            .At(1, N.HandoffRequested)
            .At(5, N.HandoffAccepted, e => e with { CoachId = "ana", DurationMs = 4000 })
            .At(6, N.HandoffFirstReply, e => e with { CoachId = "ana", DurationMs = 5000 })
            .At(60, N.CsatGiven, e => e with { Positive = false })
            .At(70, N.CsatGiven, e => e with { Positive = true })
            .Events;

        var report = MetricsCalculator.Compute(events, new MetricsQuery { From = Day1, To = Day1.AddDays(1) });

        Assert.Equal(new Ratio(1, 1), report.Csat.Overall);
        Assert.Equal(new Ratio(1, 1), report.Csat.CoachHandled);
        Assert.Equal(new Ratio(0, 0), report.Csat.BotOnly);
    }

    [Fact]
    public void A_second_request_after_a_missed_one_is_its_own_request()
    {
        var events = new EventScript("retry", Day1.AddHours(9))
            .At(0, N.EngagementStarted)
            .At(1, N.HandoffRequested)
            .At(121, N.HandoffMissed, e => e with { Outcome = "timeout" })
            .At(200, N.HandoffRequested)
            .At(209, N.HandoffAccepted, e => e with { CoachId = "ana" })
            // No DurationMs: the time since the request (15 s) is used.
            .At(215, N.HandoffFirstReply, e => e with { CoachId = "ana" })
            .Events;

        var report = MetricsCalculator.Compute(events, new MetricsQuery { From = Day1, To = Day1.AddDays(1) });

        Assert.Equal(2, report.ResponseTime.Requests);
        Assert.Equal(new Ratio(1, 2), report.ResponseTime.WithinTarget);
        Assert.Equal(15, report.ResponseTime.MedianSeconds);
        Assert.Equal(new Ratio(1, 2), report.Queue.Missed);
        Assert.Equal(1, report.ChatsHandled);
        Assert.Equal(new Ratio(0, 1), report.Deflection);
    }

    [Theory]
    [InlineData("  How do I export?? ", "how do i export")]
    [InlineData("HOW\tdo  I\nexport", "how do i export")]
    [InlineData("¿Precio?", "precio")]
    [InlineData("ｆｕｌｌ width", "full width")]
    [InlineData("   ", "")]
    public void Questions_are_normalised(string question, string expected) =>
        Assert.Equal(expected, QuestionNormalizer.Normalize(question));

    [Fact]
    public void Percentile_interpolates_between_ranks()
    {
        Assert.Null(MetricsCalculator.Percentile([], 0.5));
        Assert.Equal(7, MetricsCalculator.Percentile([7], 0.9));
        Assert.Equal(2.5, MetricsCalculator.Percentile([1, 2, 3, 4], 0.5));
        Assert.Equal(3.7, MetricsCalculator.Percentile([1, 2, 3, 4], 0.9));
    }

    [Fact]
    public void A_range_that_ends_before_it_starts_is_refused() =>
        Assert.Throws<ArgumentException>(() => MetricsCalculator.Compute([], new MetricsQuery { From = Day1, To = Day1.AddDays(-1) }));
}
