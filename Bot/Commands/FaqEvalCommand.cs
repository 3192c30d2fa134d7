using System.Globalization;
using System.Text;
using System.Text.Json;
using ChatBot.Dialogs.Faq;
using ChatBot.Dialogs.Faq.Evaluation;

namespace ChatBot.Commands;

/// <summary>
/// `faq-eval &lt;questions.tsv&gt; [--kb path] [--rows all|even|odd] [--dump features.jsonl]`: runs the
/// questions through the hybrid, lexical-only and semantic-only recognizers with the configured Faq options
/// and prints the metrics side by side. --rows picks every row, or the even or odd rows (1-based line order
/// of the question rows) to keep one half held out while tuning. --dump writes every entry's raw signals
/// per question, for tuning the weights and thresholds offline.
/// </summary>
public static class FaqEvalCommand
{
    public const string Usage = "<questions.tsv> [--kb kb.json|export.tsv] [--rows all|even|odd] [--dump file.jsonl]  FAQ accuracy and latency, three variants";

    public static Task<int> RunAsync(string[] args) => Task.FromResult(Run(args, Console.Out, LoadOptions()));

    public static int Run(string[] args, TextWriter output, FaqOptions options)
    {
        string? tsvPath = null, kbPath = null, dumpPath = null, rowsFilter = "all";
        for (var i = 0; i < args.Length; i++)
        {
            switch (args[i])
            {
                case "--kb" when i + 1 < args.Length: kbPath = args[++i]; break;
                case "--dump" when i + 1 < args.Length: dumpPath = args[++i]; break;
                case "--rows" when i + 1 < args.Length: rowsFilter = args[++i]; break;
                default:
                    if (args[i].StartsWith("--", StringComparison.Ordinal) || tsvPath != null)
                    {
                        output.WriteLine($"faq-eval: unexpected argument '{args[i]}'. Usage: faq-eval {Usage}");
                        return 2;
                    }
                    tsvPath = args[i];
                    break;
            }
        }
        if (tsvPath == null || rowsFilter is not ("all" or "even" or "odd"))
        {
            output.WriteLine($"Usage: faq-eval {Usage}");
            return 2;
        }
        if (!File.Exists(tsvPath))
        {
            output.WriteLine($"faq-eval: {tsvPath} not found");
            return 2;
        }

        var rows = FaqEvalRow.ParseTsv(File.ReadAllText(tsvPath), out var rowProblems);
        foreach (var problem in rowProblems)
        {
            output.WriteLine($"faq-eval: {tsvPath} {problem} (skipped)");
        }
        rows = rowsFilter switch
        {
            "even" => rows.Where((_, i) => (i + 1) % 2 == 0).ToList(),
            "odd" => rows.Where((_, i) => (i + 1) % 2 == 1).ToList(),
            _ => rows,
        };

        kbPath = FaqKnowledgeBaseFile.ResolvePath(kbPath ?? options.KnowledgeBasePath);
        var load = FaqKnowledgeBaseLoader.Load(kbPath);
        if (!load.Succeeded)
        {
            foreach (var problem in load.Problems)
            {
                output.WriteLine($"faq-eval: {kbPath}: {problem}");
            }
            return 1;
        }

        var started = System.Diagnostics.Stopwatch.StartNew();
        var index = FaqIndex.Build(load.KnowledgeBase!, MiniLmEmbedder.Shared);
        var indexed = started.Elapsed;
        var unknown = rows.Where(r => r.ExpectedId != null && load.KnowledgeBase!.Find(r.ExpectedId) == null).ToList();
        foreach (var row in unknown)
        {
            output.WriteLine($"faq-eval: expected id '{row.ExpectedId}' is not in the knowledge base (\"{row.Question}\")");
        }

        if (dumpPath != null)
        {
            Dump(index, rows, dumpPath);
        }

        var results = new[] { FaqMatchMode.Hybrid, FaqMatchMode.Lexical, FaqMatchMode.Semantic }
            .Select(mode => FaqEvaluator.Evaluate(index, options, mode, rows))
            .ToList();
        Print(output, tsvPath, rowsFilter, kbPath, load.KnowledgeBase!.Entries.Count, options, results);
        output.WriteLine();
        output.WriteLine(string.Create(CultureInfo.InvariantCulture, $"Model loaded and knowledge base indexed in {indexed.TotalSeconds:0.0} s."));
        return 0;
    }

    private static void Print(TextWriter output, string tsvPath, string rowsFilter, string kbPath, int entries, FaqOptions options, List<FaqEvalMetrics> results)
    {
        var first = results[0];
        output.WriteLine($"FAQ evaluation: {tsvPath} ({rowsFilter} rows: {first.InScopeRows} in scope, {first.NoneRows} none) against {kbPath} ({entries} entries)");
        output.WriteLine(string.Create(CultureInfo.InvariantCulture,
            $"Options: weights semantic {options.SemanticWeight} (answer share {options.AnswerSimilarityWeight}) / lexical {options.LexicalWeight}; answer >= {options.AnswerThreshold} with lead {options.AnswerMargin}; clarify >= {options.ClarifyThreshold}, or >= {options.ClarifyFloor} with lead {options.ClarifyLeadMargin}; out-of-scope margin {options.OutOfScopeMargin}"));
        output.WriteLine();
        output.WriteLine($"{"metric",-40}{"hybrid",10}{"lexical",10}{"semantic",10}");
        void Line(string name, Func<FaqEvalMetrics, string> value) =>
            output.WriteLine($"{name,-40}{value(results[0]),10}{value(results[1]),10}{value(results[2]),10}");
        static string Pct(double v) => (v * 100).ToString("0.0", CultureInfo.InvariantCulture) + "%";
        static string Num(double v) => v.ToString("0.000", CultureInfo.InvariantCulture);
        static string Ms(double v) => v.ToString("0.00", CultureInfo.InvariantCulture) + " ms";
        Line("top-1 accuracy (in scope)", m => Pct(m.Top1));
        Line("answered correctly (in scope)", m => Pct(m.AnsweredCorrectly));
        Line("clarified, right option in top 3", m => Pct(m.ClarifiedWithRightOption));
        Line("escalated although in scope", m => Pct(m.InScopeEscalated));
        Line("rejection rate (none rows)", m => Pct(m.Rejection));
        Line("wrong-answer rate (all rows)", m => Pct(m.WrongAnswer));
        Line("clarify rate (all rows)", m => Pct(m.Clarify));
        Line("MRR (in scope, top 10)", m => Num(m.Mrr));
        Line("latency p50", m => Ms(m.P50Ms));
        Line("latency p99", m => Ms(m.P99Ms));
        Line("CPU per query (mean)", m => Ms(m.CpuMsPerQuery));
        if (first.WrongAnswers.Count > 0)
        {
            output.WriteLine();
            output.WriteLine("Hybrid wrong answers (question, expected, got):");
            foreach (var line in first.WrongAnswers)
            {
                output.WriteLine("  " + line);
            }
        }
    }

    private static void Dump(FaqIndex index, List<FaqEvalRow> rows, string path)
    {
        var sb = new StringBuilder();
        var ids = index.KnowledgeBase.Entries.Select(e => e.Id).ToArray();
        var entries = index.KnowledgeBase.Entries;
        var phr = entries.SelectMany(e => e.Questions).ToArray();
        var owner = entries.SelectMany((e, i) => e.Questions.Select(_ => i)).ToArray();
        var pv = MiniLmEmbedder.Shared.Embed(phr);
        var av = MiniLmEmbedder.Shared.Embed(entries.Select(e => e.Answer).ToArray());
        foreach (var row in rows)
        {
            var s = index.Score(row.Question, FaqMatchMode.Hybrid, 0);
            var qv = MiniLmEmbedder.Shared.Embed([s.CorrectedText])[0];
            double D(float[] a, float[] b) { double t = 0; for (var i = 0; i < a.Length; i++) t += a[i] * b[i]; return t; }
            sb.AppendLine(JsonSerializer.Serialize(new
            {
                q = row.Question, expected = row.ExpectedId ?? "none", ids, sem = s.Semantic, lex = s.Lexical,
                oos = s.OutOfScope, cov = s.Coverage, words = s.ContentWords, corrected = s.CorrectedText,
                semP = pv.Select(v => D(qv, v)).ToArray(), owner, semA = av.Select(v => D(qv, v)).ToArray(),
            }));
        }
        File.WriteAllText(path, sb.ToString());
    }

    /// <summary>The Faq section as the bot would see it: appsettings.json, the environment's file, FAQ_ variables.</summary>
    private static FaqOptions LoadOptions()
    {
        var environment = Environment.GetEnvironmentVariable("DOTNET_ENVIRONMENT") ?? Environment.GetEnvironmentVariable("ASPNETCORE_ENVIRONMENT") ?? "Production";
        var configuration = new ConfigurationBuilder()
            .SetBasePath(AppContext.BaseDirectory)
            .AddJsonFile("appsettings.json", optional: true)
            .AddJsonFile($"appsettings.{environment}.json", optional: true)
            .AddEnvironmentVariables()
            .Build();
        var options = new FaqOptions();
        configuration.GetSection(FaqOptions.Section).Bind(options);
        var errors = new List<System.ComponentModel.DataAnnotations.ValidationResult>();
        if (!System.ComponentModel.DataAnnotations.Validator.TryValidateObject(options, new(options), errors, validateAllProperties: true))
        {
            throw new InvalidOperationException("Faq options are invalid: " + string.Join("; ", errors.Select(e => e.ErrorMessage)));
        }
        return options;
    }
}
