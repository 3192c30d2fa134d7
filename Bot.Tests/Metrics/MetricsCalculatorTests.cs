using ChatBot.Handoff.Events;
using ChatBot.Handoff.Metrics;

namespace ChatBot.Tests.Metrics;

public class MetricsCalculatorTests
{
    private static readonly MetricsQuery TheDay = new()
    {
        From = ScriptedConversations.Day,
        To = ScriptedConversations.Day.AddDays(1),
    };

    /*
     * Hand computation for the scripted set (ScriptedConversations), whole day, every team, target 20 s:
     *   engagements: c1..c6 all have engagement.started                                  = 6
     *   deflection: no handoff.accepted in c1, c2, c5, c6                               = 4/6
     *   chats handled: accepted + first reply: c3, c4                                   = 2
     *   pass-through: of c3, c4 the last handoff.ended is "qualified" only in c3         = 1/2
     *   CSAT overall: last csat.given per conversation: c1+, c2-, c3+, c4-, c5-          = 2/5
     *        bot-only (CoachHandled=false): c1+, c2-, c5-                                = 1/3
     *        coach-handled: c3+, c4-                                                     = 1/2
     *   response: requests c3 (12 s), c4 (45 s), c5 (never), c6 (never)                 = 4 requests, 2 answered
     *        within 20 s: c3 only, unanswered count as misses                            = 1/4
     *        median of answered {12, 45} = (12 + 45) / 2                                 = 28.5 s
     *        p90 (linear between ranks): 12 + 0.9 * (45 - 12)                            = 41.7 s
     *        histogram: 12 in (10, 15], 45 in (30, 45]
     *   abandonment: c6 abandoned, unanswered                                           = 1/4
     *   missed: c5 missed, unanswered                                                    = 1/4 (1 missed handoff)
     *   FAQ answer rate: answered c1, c3; unanswered c2, c5, c6                          = 2/5
     *   top unanswered: "how do i export contacts to excel" (c2, c5) 2, "do you integrate with slack" 1
     */
    [Fact]
    public void Scripted_set_gives_the_hand_computed_numbers()
    {
        var report = MetricsCalculator.Compute(ScriptedConversations.All(), TheDay);

        Assert.Equal(6, report.Engagements);
        Assert.Equal(new Ratio(4, 6), report.Deflection);
        Assert.Equal(2, report.ChatsHandled);
        Assert.Equal(new Ratio(1, 2), report.PassThrough);
        Assert.Equal(0.5, report.PassThrough.Rate);

        Assert.Equal(new Ratio(2, 5), report.Csat.Overall);
        Assert.Equal(new Ratio(1, 3), report.Csat.BotOnly);
        Assert.Equal(new Ratio(1, 2), report.Csat.CoachHandled);

        Assert.Equal(4, report.ResponseTime.Requests);
        Assert.Equal(2, report.ResponseTime.Answered);
        Assert.Equal(2, report.ResponseTime.Unanswered);
        Assert.Equal(new Ratio(1, 4), report.ResponseTime.WithinTarget);
        Assert.Equal(0.25, report.ResponseTime.WithinTarget.Rate);
        Assert.Equal(28.5, report.ResponseTime.MedianSeconds);
        Assert.Equal(41.7, report.ResponseTime.P90Seconds);
        Assert.Equal(1, report.ResponseTime.Histogram.Single(b => b.FromSeconds == 10 && b.ToSeconds == 15).Count);
        Assert.Equal(1, report.ResponseTime.Histogram.Single(b => b.FromSeconds == 30 && b.ToSeconds == 45).Count);
        Assert.Equal(2, report.ResponseTime.Histogram.Sum(b => b.Count));

        Assert.Equal(new Ratio(1, 4), report.Queue.Abandoned);
        Assert.Equal(new Ratio(1, 4), report.Queue.Missed);
        Assert.Equal(new Ratio(2, 5), report.FaqAnswers);
        Assert.Equal(
            [new UnansweredQuestion("how do i export contacts to excel", 2), new UnansweredQuestion("do you integrate with slack", 1)],
            report.TopUnanswered);

        var day = Assert.Single(report.Daily);
        Assert.Equal(new DateOnly(2026, 11, 2), day.Date);
        Assert.Equal(6, day.Engagements);
        Assert.Equal(2, day.ChatsHandled);
        Assert.Equal(4, day.HandoffRequests);
        Assert.Equal(4.0 / 6, day.DeflectionRate);
        Assert.Equal(0.5, day.PassThroughRate);
        Assert.Equal(0.4, day.CsatRate);
        Assert.Equal(0.25, day.ResponseWithinTargetShare);
        Assert.Equal(0.25, day.AbandonmentRate);
        Assert.Equal(0.4, day.FaqAnswerRate);
    }

    [Fact]
    public void A_conversation_rated_for_the_bot_and_then_for_its_coach_counts_once_overall_and_once_in_each_split()
    {
        var start = ScriptedConversations.Day.AddHours(9);
        var events = new EventScript("c1", start)
            .At(0, OutcomeEventNames.EngagementStarted)
            .At(10, OutcomeEventNames.CsatGiven, e => e with { Positive = true, CoachHandled = false })
            .At(20, OutcomeEventNames.HandoffRequested, e => e with { Team = "sales" })
            .At(30, OutcomeEventNames.HandoffAccepted)
            .At(35, OutcomeEventNames.HandoffFirstReply, e => e with { DurationMs = 15_000 })
            .At(90, OutcomeEventNames.HandoffEnded, e => e with { Outcome = "resolved" })
            .At(95, OutcomeEventNames.CsatGiven, e => e with { Positive = false, CoachHandled = true })
            .Events;

        var report = MetricsCalculator.Compute(events, TheDay);

        Assert.Equal(new Ratio(0, 1), report.Csat.Overall); // the visitor's last word
        Assert.Equal(new Ratio(1, 1), report.Csat.BotOnly);
        Assert.Equal(new Ratio(0, 1), report.Csat.CoachHandled);
    }

    /*
     * team = sales: the conversations whose first team-carrying event says sales: c3, c5, c6.
     *   engagements 3; deflection c5, c6 = 2/3; handled c3 = 1; pass-through 1/1;
     *   CSAT c3+, c5- = 1/2 (bot-only c5- = 0/1, coach c3+ = 1/1); requests c3, c5, c6: within 20 s 1/3;
     *   median = p90 = 12 s (one answered); abandonment 1/3; missed 1/3; FAQ answered c3, unanswered c5, c6 = 1/3.
     */
    [Fact]
    public void Team_filter_keeps_only_that_teams_conversations()
    {
        var report = MetricsCalculator.Compute(ScriptedConversations.All(), TheDay with { Team = "Sales" });

        Assert.Equal(3, report.Engagements);
        Assert.Equal(new Ratio(2, 3), report.Deflection);
        Assert.Equal(1, report.ChatsHandled);
        Assert.Equal(new Ratio(1, 1), report.PassThrough);
        Assert.Equal(new Ratio(1, 2), report.Csat.Overall);
        Assert.Equal(new Ratio(0, 1), report.Csat.BotOnly);
        Assert.Equal(new Ratio(1, 1), report.Csat.CoachHandled);
        Assert.Equal(new Ratio(1, 3), report.ResponseTime.WithinTarget);
        Assert.Equal(12, report.ResponseTime.MedianSeconds);
        Assert.Equal(12, report.ResponseTime.P90Seconds);
        Assert.Equal(new Ratio(1, 3), report.Queue.Abandoned);
        Assert.Equal(new Ratio(1, 3), report.Queue.Missed);
        Assert.Equal(new Ratio(1, 3), report.FaqAnswers);
    }

    [Fact]
    public void A_longer_target_counts_the_45_second_answer_as_met()
    {
        var report = MetricsCalculator.Compute(ScriptedConversations.All(), TheDay with { TargetSeconds = 45 });

        // 12 s and 45 s are both <= 45 s; the two unanswered requests are still misses: 2/4.
        Assert.Equal(new Ratio(2, 4), report.ResponseTime.WithinTarget);
        // The target becomes a histogram edge, so the page can draw its line between bins.
        Assert.Contains(report.ResponseTime.Histogram, b => b.ToSeconds == 45);
    }

    [Fact]
    public void Events_in_any_order_give_the_same_numbers()
    {
        var events = ScriptedConversations.All();
        var shuffled = events.OrderBy(e => e.Id, StringComparer.Ordinal).ToList();
        Assert.NotEqual(events.Select(e => e.Id), shuffled.Select(e => e.Id));

        var a = MetricsCalculator.Compute(events, TheDay);
        var b = MetricsCalculator.Compute(shuffled, TheDay);

        Assert.Equal(a.Deflection, b.Deflection);
        Assert.Equal(a.ResponseTime.WithinTarget, b.ResponseTime.WithinTarget);
        Assert.Equal(a.ResponseTime.MedianSeconds, b.ResponseTime.MedianSeconds);
        Assert.Equal(a.Csat, b.Csat);
        Assert.Equal(a.TopUnanswered, b.TopUnanswered);
    }
}
