namespace ChatBot.Dialogs.Faq;

/// <summary>
/// Fuses the signals into one confidence per entry and decides answer, clarify or none. Pure: the same
/// scores and options always give the same result, which is what the decision-band tests rely on.
/// </summary>
public static class FaqDecider
{
    /// <summary>MiniLM cosines between unrelated short questions rarely fall below this...</summary>
    public const double SemanticFloor = 0.25;
    /// <summary>...and paraphrases of the same question rarely exceed this; the range in between maps onto 0..1.</summary>
    public const double SemanticCeiling = 0.85;

    /// <summary>Thresholds compare rounded confidences; this keeps 0.6 - 0.5 from falling short of a 0.1 lead.</summary>
    private const double Epsilon = 1e-9;

    public static double CalibrateSemantic(double cosine) =>
        Math.Clamp((cosine - SemanticFloor) / (SemanticCeiling - SemanticFloor), 0, 1);

    public static FaqResult Decide(string question, FaqIndex index, FaqScores scores, FaqOptions options, FaqMatchMode mode, int top)
    {
        var (ws, wl) = mode switch
        {
            FaqMatchMode.Lexical => (0.0, 1.0),
            FaqMatchMode.Semantic => (1.0, 0.0),
            _ => (options.SemanticWeight, options.LexicalWeight),
        };
        var entries = index.KnowledgeBase.Entries;
        var confidence = new double[entries.Count];
        for (var e = 0; e < entries.Count; e++)
        {
            confidence[e] = (ws * CalibrateSemantic(scores.Semantic[e]) + wl * scores.Lexical[e]) / (ws + wl);
        }
        // A question the knowledge base lists word for word is always answered by its entry.
        var exact = scores.ExactEntry >= 0 && scores.ExactEntry < entries.Count;
        if (exact)
        {
            confidence[scores.ExactEntry] = 1.0;
        }
        var order = Enumerable.Range(0, entries.Count).OrderByDescending(e => confidence[e]).ThenBy(e => e).ToList();
        // The decision must not depend on how many candidates the caller asked for.
        var runnerUp = order.Count > 1 ? confidence[order[1]] : 0;
        var ranked = order
            .Take(Math.Clamp(top, 1, FaqOptions.MaxTop))
            .Where(e => confidence[e] > 0)
            .Select(e => new FaqCandidate
            {
                EntryId = entries[e].Id,
                MatchedQuestion = index.Phrasing(e, scores.BestPhrasing[e]),
                CanonicalQuestion = entries[e].Questions.FirstOrDefault() ?? "",
                Answer = entries[e].Answer,
                Team = entries[e].Team,
                Category = entries[e].Category,
                FollowUps = entries[e].FollowUps,
                Confidence = Math.Round(confidence[e], 4),
                Lexical = Math.Round(scores.Lexical[e], 4),
                Semantic = Math.Round(scores.Semantic[e], 4),
            })
            .ToList();

        var (decision, reason) = exact
            ? (FaqDecision.Answer, "the knowledge base lists this question")
            : DecideBand(ranked, runnerUp, scores, options, mode);
        return new FaqResult
        {
            Question = question,
            Decision = decision,
            Candidates = ranked,
            OutOfScope = Math.Round(scores.OutOfScope, 4),
            Coverage = Math.Round(scores.Coverage, 4),
            Reason = reason,
        };
    }

    private static (FaqDecision, string) DecideBand(List<FaqCandidate> ranked, double runnerUp, FaqScores scores, FaqOptions options, FaqMatchMode mode)
    {
        if (ranked.Count == 0 || scores.ContentWords == 0)
        {
            return (FaqDecision.None, "no content word matches the knowledge base");
        }
        var best = ranked[0];
        if (mode != FaqMatchMode.Lexical && scores.OutOfScope - scores.ClosestPhrasing > options.OutOfScopeMargin)
        {
            return (FaqDecision.None, "closer to an out-of-scope example than to any FAQ");
        }
        var lead = best.Confidence - Math.Round(runnerUp, 4);
        if (best.Confidence >= options.AnswerThreshold - Epsilon && lead >= options.AnswerMargin - Epsilon)
        {
            return (FaqDecision.Answer, "confident");
        }
        if (best.Confidence >= options.ClarifyThreshold - Epsilon)
        {
            return (FaqDecision.Clarify, best.Confidence >= options.AnswerThreshold ? "top entries too close" : "middling confidence");
        }
        if (best.Confidence >= options.ClarifyFloor - Epsilon && lead >= options.ClarifyLeadMargin - Epsilon)
        {
            return (FaqDecision.Clarify, "weak but clear lead");
        }
        return (FaqDecision.None, "confidence below the clarify threshold");
    }
}
