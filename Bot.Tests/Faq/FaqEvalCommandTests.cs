using System.Globalization;
using ChatBot.Commands;
using ChatBot.Dialogs.Faq;
using ChatBot.Dialogs.Faq.Evaluation;

namespace ChatBot.Tests.Faq;

public class FaqEvalCommandTests
{
    [Fact]
    public void Evaluator_gives_the_known_numbers_on_the_small_fixture()
    {
        var rows = FaqEvalRow.ParseTsv(File.ReadAllText(FaqTestSupport.Fixture("eval-small.tsv")), out var problems);
        Assert.Empty(problems);

        var metrics = FaqEvaluator.Evaluate(FaqTestSupport.Shipped, new FaqOptions(), FaqMatchMode.Hybrid, rows, measureLatency: false);

        // 5 in scope (the invoices row deliberately expects kb-001, so it is answered "wrongly" with kb-067), 3 none.
        Assert.Equal((5, 3), (metrics.InScopeRows, metrics.NoneRows));
        Assert.Equal(0.8, metrics.Top1, 6);
        Assert.Equal(0.8, metrics.AnsweredCorrectly, 6);
        Assert.Equal(1.0, metrics.Rejection, 6);
        Assert.Equal(1.0 / 8, metrics.WrongAnswer, 6);
        Assert.Equal(0.0, metrics.Clarify, 6);
        // Four rows at rank 1; kb-001 is below rank 1 for the invoices question.
        Assert.InRange(metrics.Mrr, 0.8, 0.9);
        Assert.Equal("Where can I download my invoices?\tkb-001\tanswered kb-067", Assert.Single(metrics.WrongAnswers));
    }

    [Fact]
    public void Command_prints_the_three_variants_side_by_side()
    {
        var output = new StringWriter(CultureInfo.InvariantCulture);

        var code = FaqEvalCommand.Run([FaqTestSupport.Fixture("eval-small.tsv"), "--kb", FaqTestSupport.ShippedKnowledgeBasePath], output, new FaqOptions());

        var text = output.ToString();
        Assert.Equal(0, code);
        Assert.Contains("(all rows: 5 in scope, 3 none)", text);
        Assert.Matches(@"metric\s+hybrid\s+lexical\s+semantic", text);
        Assert.Matches(@"top-1 accuracy \(in scope\)\s+80\.0%", text);
        Assert.Matches(@"rejection rate \(none rows\)\s+100\.0%", text);
        Assert.Matches(@"wrong-answer rate \(all rows\)\s+12\.5%", text);
        Assert.Matches(@"latency p99\s+\d+\.\d\d ms\s+\d+\.\d\d ms\s+\d+\.\d\d ms", text);
        Assert.Contains("MRR (in scope, top 10)", text);
        Assert.Contains("clarify rate (all rows)", text);
    }

    [Fact]
    public void Command_refuses_bad_arguments()
    {
        var output = new StringWriter();
        Assert.Equal(2, FaqEvalCommand.Run([], output, new FaqOptions()));
        Assert.Equal(2, FaqEvalCommand.Run(["/nonexistent.tsv"], output, new FaqOptions()));
        Assert.Equal(2, FaqEvalCommand.Run([FaqTestSupport.Fixture("eval-small.tsv"), "--rows", "third"], output, new FaqOptions()));
    }

    [Fact]
    public void Rows_option_keeps_one_half()
    {
        var output = new StringWriter(CultureInfo.InvariantCulture);

        FaqEvalCommand.Run([FaqTestSupport.Fixture("eval-small.tsv"), "--kb", FaqTestSupport.ShippedKnowledgeBasePath, "--rows", "even"], output, new FaqOptions());

        // Rows 2, 4, 6, 8: two in scope, two none.
        Assert.Contains("(even rows: 2 in scope, 2 none)", output.ToString());
    }
}
