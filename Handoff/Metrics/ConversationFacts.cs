using ChatBot.Handoff.Events;

namespace ChatBot.Handoff.Metrics;

/// <summary>
/// What one engaged conversation contributed to the metrics, read off its events in time order.
/// Kept separate from the sums so that the totals and every day of the series use the same reading.
/// </summary>
internal sealed class ConversationFacts
{
    public required DateTimeOffset Started { get; init; }
    public string? Team { get; private set; }
    public bool CoachAccepted { get; private set; }
    public bool CoachReplied { get; private set; }
    public bool EndedQualified { get; private set; }
    /// <summary>The last feedback given in the conversation: (positive, coach handled).</summary>
    public (bool Positive, bool CoachHandled)? Csat { get; private set; }
    /// <summary>The last feedback about the bot alone, and the last about a coach's chat (a conversation can have both).</summary>
    public bool? BotCsat { get; private set; }
    public bool? CoachCsat { get; private set; }
    public List<HandoffRequestFacts> Requests { get; } = [];
    public int FaqAnswered { get; private set; }
    public List<string> UnansweredQuestions { get; } = [];

    public bool Handled => CoachAccepted && CoachReplied;

    /// <summary>Null when the conversation has no engagement.started (the visitor never wrote).</summary>
    public static ConversationFacts? Read(IReadOnlyList<OutcomeEvent> ordered)
    {
        var start = ordered.FirstOrDefault(e => e.Name == OutcomeEventNames.EngagementStarted);
        if (start == null)
        {
            return null;
        }

        var facts = new ConversationFacts { Started = start.Timestamp };
        HandoffRequestFacts? current = null;
        var ratings = new List<(bool Positive, bool? CoachHandled)>();
        foreach (var e in ordered)
        {
            facts.Team ??= string.IsNullOrWhiteSpace(e.Team) ? null : e.Team;
            switch (e.Name)
            {
                case OutcomeEventNames.FaqAnswered:
                    facts.FaqAnswered++;
                    break;
                case OutcomeEventNames.FaqUnanswered:
                    facts.UnansweredQuestions.Add(QuestionNormalizer.Normalize(e.Question));
                    break;
                case OutcomeEventNames.HandoffRequested:
                    current = new HandoffRequestFacts(e.Timestamp);
                    facts.Requests.Add(current);
                    break;
                case OutcomeEventNames.HandoffAccepted:
                    facts.CoachAccepted = true;
                    break;
                case OutcomeEventNames.HandoffFirstReply:
                    facts.CoachReplied = true;
                    // The first reply after a request answers it; DurationMs is the handoff's own measure.
                    if (current != null && current.AnsweredSeconds == null)
                    {
                        current.AnsweredSeconds = e.DurationMs is long ms
                            ? ms / 1000.0
                            : Math.Max(0, (e.Timestamp - current.RequestedAt).TotalSeconds);
                    }
                    break;
                case OutcomeEventNames.HandoffAbandoned:
                    if (current != null)
                    {
                        current.Abandoned = true;
                    }
                    break;
                case OutcomeEventNames.HandoffMissed:
                    if (current != null)
                    {
                        current.Missed = true;
                    }
                    break;
                case OutcomeEventNames.HandoffEnded:
                    // The last ending counts (a transfer may end a handoff and start another).
                    facts.EndedQualified = string.Equals(e.Outcome, "qualified", StringComparison.OrdinalIgnoreCase);
                    break;
                case OutcomeEventNames.CsatGiven when e.Positive is bool positive:
                    ratings.Add((positive, e.CoachHandled));
                    break;
            }
        }
        // An event without coachHandled (older schema) is about a coach when the conversation was handled.
        var kinds = ratings.Select(r => (r.Positive, CoachHandled: r.CoachHandled ?? facts.Handled)).ToList();
        if (kinds.Count > 0)
        {
            facts.Csat = kinds[^1];
            facts.BotCsat = LastOf(kinds, coachHandled: false);
            facts.CoachCsat = LastOf(kinds, coachHandled: true);
        }
        return facts;
    }

    private static bool? LastOf(List<(bool Positive, bool CoachHandled)> ratings, bool coachHandled)
    {
        var ofKind = ratings.Where(r => r.CoachHandled == coachHandled).ToList();
        return ofKind.Count > 0 ? ofKind[^1].Positive : null;
    }
}

/// <summary>One handoff request and what became of it.</summary>
internal sealed class HandoffRequestFacts(DateTimeOffset requestedAt)
{
    public DateTimeOffset RequestedAt { get; } = requestedAt;
    public double? AnsweredSeconds { get; set; }
    public bool Abandoned { get; set; }
    public bool Missed { get; set; }

    /// <summary>Abandoned and missed only count for requests that no coach answered.</summary>
    public bool CountsAsAbandoned => AnsweredSeconds == null && Abandoned;
    public bool CountsAsMissed => AnsweredSeconds == null && !Abandoned && Missed;
}
