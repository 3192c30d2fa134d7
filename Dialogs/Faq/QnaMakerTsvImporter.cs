using System.Text.Json;

namespace ChatBot.Dialogs.Faq;

/// <summary>
/// Imports a QnA Maker / Custom Question Answering TSV export: a header row naming at least Question and
/// Answer (Source, Metadata, QnaId, Prompts are used when present), one row per question. Rows with the same
/// answer become one entry, its questions in file order. Metadata "category:x|team:sales" fills category and
/// team (default "general" and "support"); Prompts (JSON with qnaId) become follow-ups.
/// </summary>
public static class QnaMakerTsvImporter
{
    public static List<FaqEntry?> Parse(string tsv, out List<string> problems)
    {
        problems = [];
        var lines = tsv.Replace("\r\n", "\n").Split('\n');
        var header = lines[0].TrimStart('\uFEFF').Split('\t').Select(h => h.Trim()).ToList();
        int Column(string name) => header.FindIndex(h => h.Equals(name, StringComparison.OrdinalIgnoreCase));
        var (qCol, aCol, metaCol, idCol, promptsCol) = (Column("Question"), Column("Answer"), Column("Metadata"), Column("QnaId"), Column("Prompts"));
        if (qCol < 0 || aCol < 0)
        {
            problems.Add("TSV import: the first line must be a header with Question and Answer columns");
            return [];
        }

        var byAnswer = new Dictionary<string, Group>(StringComparer.Ordinal);
        var byQnaId = new Dictionary<string, Group>(StringComparer.Ordinal);
        var groups = new List<Group>();
        for (var i = 1; i < lines.Length; i++)
        {
            if (string.IsNullOrWhiteSpace(lines[i]))
            {
                continue;
            }
            var cells = lines[i].Split('\t');
            string Cell(int col) => col >= 0 && col < cells.Length ? Unescape(cells[col].Trim()) : "";
            var answer = Cell(aCol);
            if (string.IsNullOrWhiteSpace(answer))
            {
                problems.Add($"TSV line {i + 1}: empty answer for question \"{Cell(qCol)}\"");
                continue;
            }
            if (!byAnswer.TryGetValue(answer, out var group))
            {
                group = new Group(answer, idCol >= 0 && Cell(idCol) != "" ? $"qna-{Cell(idCol)}" : $"qna-{groups.Count + 1}");
                byAnswer[answer] = group;
                groups.Add(group);
            }
            if (idCol >= 0 && Cell(idCol) != "")
            {
                byQnaId[Cell(idCol)] = group;
            }
            if (Cell(qCol) is { Length: > 0 } question && !group.Questions.Contains(question))
            {
                group.Questions.Add(question);
            }
            ReadMetadata(Cell(metaCol), group);
            ReadPrompts(Cell(promptsCol), group);
        }

        return groups.Select(g => (FaqEntry?)new FaqEntry
        {
            Id = g.Id,
            Category = g.Category ?? "general",
            Team = g.Team ?? "support",
            Questions = g.Questions,
            Answer = g.Answer,
            // Prompts point at QnA ids; keep those that name a row of this file, as our entry ids.
            FollowUps = g.PromptIds.Select(id => byQnaId.TryGetValue(id, out var target) ? target.Id : $"qna-{id}").Distinct().ToList(),
        }).ToList();
    }

    private static void ReadMetadata(string metadata, Group group)
    {
        foreach (var pair in metadata.Split('|', StringSplitOptions.RemoveEmptyEntries))
        {
            var parts = pair.Split(':', 2);
            if (parts.Length != 2)
            {
                continue;
            }
            var (key, value) = (parts[0].Trim().ToLowerInvariant(), parts[1].Trim());
            if (key == "category")
            {
                group.Category ??= value;
            }
            else if (key == "team")
            {
                group.Team ??= value.ToLowerInvariant();
            }
        }
    }

    private static void ReadPrompts(string prompts, Group group)
    {
        if (prompts.Length == 0 || prompts[0] != '[')
        {
            return;
        }
        try
        {
            using var doc = JsonDocument.Parse(prompts);
            foreach (var prompt in doc.RootElement.EnumerateArray())
            {
                if (prompt.ValueKind == JsonValueKind.Object && prompt.TryGetProperty("qnaId", out var id))
                {
                    group.PromptIds.Add(id.ToString());
                }
            }
        }
        catch (JsonException)
        {
            // Prompts are optional; a malformed cell only loses the follow-ups.
        }
    }

    /// <summary>Exports write line breaks and tabs inside answers as \n and \t.</summary>
    private static string Unescape(string cell) => cell.Replace("\\n", "\n").Replace("\\t", "\t");

    private sealed class Group(string answer, string id)
    {
        public string Answer { get; } = answer;
        public string Id { get; } = id;
        public List<string> Questions { get; } = [];
        public string? Category { get; set; }
        public string? Team { get; set; }
        public List<string> PromptIds { get; } = [];
    }
}
