namespace ChatBot.Dialogs.Faq.Evaluation;

/// <summary>One evaluation question and the entry id that should answer it, or null for "none".</summary>
public sealed record FaqEvalRow(string Question, string? ExpectedId)
{
    /// <summary>Reads `question&lt;TAB&gt;expected_id|none` lines (UTF-8, no header; blank lines and # comments skipped).</summary>
    public static List<FaqEvalRow> ParseTsv(string text, out List<string> problems)
    {
        problems = [];
        var rows = new List<FaqEvalRow>();
        var lines = text.Replace("\r\n", "\n").Split('\n');
        for (var i = 0; i < lines.Length; i++)
        {
            var line = lines[i].TrimStart('\uFEFF');
            if (string.IsNullOrWhiteSpace(line) || line.StartsWith('#'))
            {
                continue;
            }
            var cells = line.Split('\t');
            if (cells.Length != 2 || string.IsNullOrWhiteSpace(cells[0]) || string.IsNullOrWhiteSpace(cells[1]))
            {
                problems.Add($"line {i + 1}: expected question<TAB>expected_id|none");
                continue;
            }
            var expected = cells[1].Trim();
            rows.Add(new FaqEvalRow(cells[0].Trim(), expected.Equals("none", StringComparison.OrdinalIgnoreCase) ? null : expected));
        }
        return rows;
    }
}
