using System.Diagnostics;

namespace ChatBot.Dialogs.Faq.Evaluation;

/// <summary>Runs evaluation questions through a recognizer variant and computes the figures of FaqEvalMetrics.</summary>
public static class FaqEvaluator
{
    public const int RankDepth = 10;
    private const int ClarifyOptions = 3;

    public static FaqEvalMetrics Evaluate(FaqIndex index, FaqOptions options, FaqMatchMode mode, IReadOnlyList<FaqEvalRow> rows, bool measureLatency = true)
    {
        var recognizer = new FaqRecognizer(new FixedFaqIndexSource(index), options, mode);
        int inScope = 0, none = 0, top1 = 0, answeredRight = 0, clarifiedRight = 0, rejected = 0, wrong = 0, clarify = 0, escalated = 0;
        double reciprocal = 0;
        var wrongRows = new List<string>();
        foreach (var row in rows)
        {
            var result = recognizer.Match(row.Question, RankDepth);
            var topId = result.Top?.EntryId;
            if (result.Decision == FaqDecision.Clarify)
            {
                clarify++;
            }
            if (row.ExpectedId == null)
            {
                none++;
                if (result.Decision == FaqDecision.None)
                {
                    rejected++;
                }
                else if (result.Decision == FaqDecision.Answer)
                {
                    wrong++;
                    wrongRows.Add($"{row.Question}\tnone\tanswered {topId}");
                }
                continue;
            }

            inScope++;
            var rank = result.Candidates.Select(c => c.EntryId).ToList().IndexOf(row.ExpectedId);
            if (rank >= 0)
            {
                reciprocal += 1.0 / (rank + 1);
            }
            if (rank == 0)
            {
                top1++;
            }
            switch (result.Decision)
            {
                case FaqDecision.Answer when topId == row.ExpectedId:
                    answeredRight++;
                    break;
                case FaqDecision.Answer:
                    wrong++;
                    wrongRows.Add($"{row.Question}\t{row.ExpectedId}\tanswered {topId}");
                    break;
                case FaqDecision.Clarify when rank is >= 0 and < ClarifyOptions:
                    clarifiedRight++;
                    break;
                case FaqDecision.None:
                    escalated++;
                    break;
            }
        }

        var (p50, p99, cpu) = measureLatency ? MeasureLatency(recognizer, rows) : (0, 0, 0);
        static double Rate(int n, int d) => d == 0 ? 0 : (double)n / d;
        return new FaqEvalMetrics
        {
            Mode = mode,
            InScopeRows = inScope,
            NoneRows = none,
            Top1 = Rate(top1, inScope),
            AnsweredCorrectly = Rate(answeredRight, inScope),
            ClarifiedWithRightOption = Rate(clarifiedRight, inScope),
            Rejection = Rate(rejected, none),
            WrongAnswer = Rate(wrong, rows.Count),
            Clarify = Rate(clarify, rows.Count),
            InScopeEscalated = Rate(escalated, inScope),
            Mrr = inScope == 0 ? 0 : reciprocal / inScope,
            P50Ms = p50,
            P99Ms = p99,
            CpuMsPerQuery = cpu,
            WrongAnswers = wrongRows,
        };
    }

    /// <summary>Per-query wall time of the default request (top 3), after an untimed pass to warm up the JIT,
    /// the model and the caches; plus the process CPU time per query, which other load on the machine
    /// does not inflate the way it inflates wall time.</summary>
    private static (double P50, double P99, double Cpu) MeasureLatency(FaqRecognizer recognizer, IReadOnlyList<FaqEvalRow> rows)
    {
        if (rows.Count == 0)
        {
            return (0, 0, 0);
        }
        foreach (var row in rows.Take(30))
        {
            recognizer.Match(row.Question, 3);
        }
        var times = new List<double>();
        var cpuBefore = Process.GetCurrentProcess().TotalProcessorTime;
        for (var pass = 0; pass < 2; pass++)
        {
            foreach (var row in rows)
            {
                var start = Stopwatch.GetTimestamp();
                recognizer.Match(row.Question, 3);
                times.Add(Stopwatch.GetElapsedTime(start).TotalMilliseconds);
            }
        }
        var cpu = (Process.GetCurrentProcess().TotalProcessorTime - cpuBefore).TotalMilliseconds / times.Count;
        times.Sort();
        return (Percentile(times, 0.50), Percentile(times, 0.99), cpu);
    }

    private static double Percentile(List<double> sorted, double p) =>
        sorted[Math.Clamp((int)Math.Ceiling(p * sorted.Count) - 1, 0, sorted.Count - 1)];
}
