namespace ChatBot.Dialogs.Faq.Evaluation;

/// <summary>The figures the evaluation command prints for one variant (rates are 0..1).</summary>
public sealed record FaqEvalMetrics
{
    public required FaqMatchMode Mode { get; init; }
    public int InScopeRows { get; init; }
    public int NoneRows { get; init; }
    /// <summary>In-scope rows whose top-ranked entry is the expected one, whatever the decision.</summary>
    public double Top1 { get; init; }
    /// <summary>In-scope rows answered directly with the expected entry.</summary>
    public double AnsweredCorrectly { get; init; }
    /// <summary>In-scope rows where the expected entry is among the clarify options (top 3).</summary>
    public double ClarifiedWithRightOption { get; init; }
    /// <summary>None rows decided None.</summary>
    public double Rejection { get; init; }
    /// <summary>All rows answered directly with a wrong entry (an in-scope row with another entry, or a none row).</summary>
    public double WrongAnswer { get; init; }
    /// <summary>All rows decided Clarify.</summary>
    public double Clarify { get; init; }
    /// <summary>In-scope rows decided None (escalated although the FAQ had the answer).</summary>
    public double InScopeEscalated { get; init; }
    /// <summary>Mean reciprocal rank of the expected entry among the top 10, over in-scope rows.</summary>
    public double Mrr { get; init; }
    public double P50Ms { get; init; }
    public double P99Ms { get; init; }
    /// <summary>Process CPU time per query over the timed passes (all threads, so GC and JIT included).</summary>
    public double CpuMsPerQuery { get; init; }
    /// <summary>Rows answered wrongly, for people tuning the knowledge base.</summary>
    public IReadOnlyList<string> WrongAnswers { get; init; } = [];
}
