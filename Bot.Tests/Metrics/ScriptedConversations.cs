using ChatBot.Handoff.Events;
using N = ChatBot.Handoff.Events.OutcomeEventNames;

namespace ChatBot.Tests.Metrics;

/// <summary>
/// The scripted set: six conversations on 2026-11-02 (UTC), each taking one path. The expected
/// numbers in <see cref="MetricsCalculatorTests"/> are computed by hand from this list.
/// </summary>
internal static class ScriptedConversations
{
    public static readonly DateTimeOffset Day = new(2026, 11, 2, 0, 0, 0, TimeSpan.Zero);

    public static List<OutcomeEvent> All() =>
    [
        // c1 bot-only, resolved by the FAQ, positive feedback (bot).
        .. new EventScript("c1", Day.AddHours(9))
            .At(0, N.EngagementStarted)
            .At(2, N.VisitorClassified, e => e with { VisitorType = "customer" })
            .At(4, N.FaqAnswered, e => e with { FaqEntryId = "pricing-plans", Score = 0.92 })
            .At(20, N.CsatGiven, e => e with { Positive = true, CoachHandled = false })
            .Events,
        // c2 FAQ miss, negative feedback (bot).
        .. new EventScript("c2", Day.AddHours(10))
            .At(0, N.EngagementStarted)
            .At(5, N.FaqUnanswered, e => e with { Question = "How do I export contacts to Excel?" })
            .At(30, N.CsatGiven, e => e with { Positive = false, CoachHandled = false })
            .Events,
        // c3 sales: FAQ answered, qualified, handoff answered in 12 s, ended qualified, positive feedback (coach).
        .. new EventScript("c3", Day.AddHours(11))
            .At(0, N.EngagementStarted)
            .At(3, N.FaqAnswered, e => e with { FaqEntryId = "free-trial" })
            .At(40, N.QualificationCompleted, e => e with { Team = "sales", Qualified = true, Score = 80 })
            .At(41, N.Routed, e => e with { Team = "sales", Route = "sales" })
            .At(42, N.HandoffRequested, e => e with { Team = "sales" })
            .At(42, N.HandoffQueued, e => e with { Team = "sales" })
            .At(43, N.HandoffAlerted, e => e with { Team = "sales" })
            .At(50, N.HandoffAccepted, e => e with { Team = "sales", CoachId = "ana", DurationMs = 8_000 })
            .At(54, N.HandoffFirstReply, e => e with { Team = "sales", CoachId = "ana", DurationMs = 12_000 })
            .At(400, N.HandoffEnded, e => e with { Team = "sales", CoachId = "ana", Outcome = "qualified" })
            .At(420, N.CsatGiven, e => e with { Positive = true, CoachHandled = true })
            .Events,
        // c4 support: handoff answered in 45 s, ended resolved, negative feedback (coach).
        .. new EventScript("c4", Day.AddHours(12))
            .At(0, N.EngagementStarted)
            .At(10, N.Routed, e => e with { Team = "support", Route = "support" })
            .At(11, N.HandoffRequested, e => e with { Team = "support" })
            .At(11, N.HandoffQueued, e => e with { Team = "support" })
            .At(51, N.HandoffAccepted, e => e with { Team = "support", CoachId = "ben", DurationMs = 40_000 })
            .At(56, N.HandoffFirstReply, e => e with { Team = "support", CoachId = "ben", DurationMs = 45_000 })
            .At(300, N.HandoffEnded, e => e with { Team = "support", CoachId = "ben", Outcome = "resolved" })
            .At(310, N.CsatGiven, e => e with { Positive = false, CoachHandled = true })
            .Events,
        // c5 sales: FAQ miss (same question, typed differently), handoff missed, negative feedback (bot).
        .. new EventScript("c5", Day.AddHours(13))
            .At(0, N.EngagementStarted)
            .At(5, N.FaqUnanswered, e => e with { Question = "  how do I export   contacts to excel " })
            .At(10, N.HandoffRequested, e => e with { Team = "sales" })
            .At(10, N.HandoffQueued, e => e with { Team = "sales" })
            .At(11, N.HandoffAlerted, e => e with { Team = "sales" })
            .At(130, N.HandoffMissed, e => e with { Team = "sales", Outcome = "timeout" })
            .At(140, N.CsatGiven, e => e with { Positive = false, CoachHandled = false })
            .Events,
        // c6 sales: FAQ miss, handoff abandoned by the visitor.
        .. new EventScript("c6", Day.AddHours(14))
            .At(0, N.EngagementStarted)
            .At(5, N.FaqUnanswered, e => e with { Question = "Do you integrate with Slack?" })
            .At(10, N.HandoffRequested, e => e with { Team = "sales" })
            .At(10, N.HandoffQueued, e => e with { Team = "sales" })
            .At(70, N.HandoffAbandoned, e => e with { Team = "sales" })
            .Events,
    ];
}
