using System.Text.Json;

namespace ChatBot.Dialogs.Faq;

/// <summary>
/// Reads a knowledge base from kb.json (our format) or from a QnA Maker / Custom Question Answering TSV
/// export (chosen by the .tsv extension), then validates it. Any problem rejects the whole file: a
/// half-loaded knowledge base would answer some questions from stale or broken entries.
/// </summary>
public static class FaqKnowledgeBaseLoader
{
    private static readonly JsonSerializerOptions Json = new()
    {
        ReadCommentHandling = JsonCommentHandling.Skip,
        AllowTrailingCommas = true,
    };

    public static FaqLoadResult Load(string path)
    {
        string text;
        try
        {
            text = File.ReadAllText(path);
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException)
        {
            return new FaqLoadResult(null, [$"cannot read {path}: {ex.Message}"]);
        }
        return path.EndsWith(".tsv", StringComparison.OrdinalIgnoreCase)
            ? Validate(QnaMakerTsvImporter.Parse(text, out var tsvProblems), path, tsvProblems)
            : Parse(text, path);
    }

    /// <summary>Parses kb.json text (an array of entries).</summary>
    public static FaqLoadResult Parse(string json, string source)
    {
        List<FaqEntry?>? entries;
        try
        {
            entries = JsonSerializer.Deserialize<List<FaqEntry?>>(json, Json);
        }
        catch (JsonException ex)
        {
            var where = ex.LineNumber is { } line ? $" at line {line + 1}" : "";
            return new FaqLoadResult(null, [$"{source} is not a valid knowledge base{where}: expected a JSON array of entries ({FirstLine(ex.Message)})"]);
        }
        if (entries == null)
        {
            return new FaqLoadResult(null, [$"{source} is not a valid knowledge base: expected a JSON array of entries, found null"]);
        }
        return Validate(entries, source, []);
    }

    /// <summary>Checks the rules kb.json promises; every problem is one line naming the entry.</summary>
    public static FaqLoadResult Validate(IReadOnlyList<FaqEntry?> entries, string source, IReadOnlyList<string> earlierProblems)
    {
        var problems = new List<string>(earlierProblems);
        if (entries.Count == 0 && problems.Count == 0)
        {
            problems.Add($"{source} has no entries");
        }

        var ids = new HashSet<string>(StringComparer.Ordinal);
        var questionOwner = new Dictionary<string, string>(StringComparer.Ordinal);
        for (var i = 0; i < entries.Count; i++)
        {
            var entry = entries[i];
            if (entry == null)
            {
                problems.Add($"entry #{i + 1}: null instead of an entry");
                continue;
            }
            var name = string.IsNullOrWhiteSpace(entry.Id) ? $"entry #{i + 1}" : entry.Id;
            if (string.IsNullOrWhiteSpace(entry.Id))
            {
                problems.Add($"{name}: missing id");
            }
            else if (!ids.Add(entry.Id))
            {
                problems.Add($"{name}: duplicate id");
            }
            if (string.IsNullOrWhiteSpace(entry.Answer))
            {
                problems.Add($"{name}: empty answer");
            }
            if (entry.Team is not ("sales" or "support"))
            {
                problems.Add($"{name}: team must be \"sales\" or \"support\", found \"{entry.Team}\"");
            }
            if (entry.Label != null && (string.IsNullOrWhiteSpace(entry.Label) || entry.Label.Trim().Length > FaqEntry.MaxLabelLength))
            {
                problems.Add($"{name}: label must be 1 to {FaqEntry.MaxLabelLength} characters, found \"{entry.Label}\"");
            }
            if (entry.Questions == null || entry.Questions.Count == 0)
            {
                problems.Add($"{name}: no questions");
                continue;
            }
            foreach (var question in entry.Questions)
            {
                if (string.IsNullOrWhiteSpace(question))
                {
                    problems.Add($"{name}: empty question");
                    continue;
                }
                var key = NormalizeQuestion(question);
                if (questionOwner.TryGetValue(key, out var owner))
                {
                    if (owner != name)
                    {
                        problems.Add($"{name}: question \"{question}\" is also listed under {owner}");
                    }
                    else
                    {
                        problems.Add($"{name}: question \"{question}\" is listed twice");
                    }
                }
                else
                {
                    questionOwner[key] = name;
                }
            }
        }

        foreach (var entry in entries)
        {
            foreach (var followUp in entry?.FollowUps ?? [])
            {
                if (!ids.Contains(followUp))
                {
                    problems.Add($"{entry!.Id}: follow-up \"{followUp}\" is not an entry");
                }
                else if (followUp == entry!.Id)
                {
                    problems.Add($"{entry.Id}: lists itself as a follow-up");
                }
            }
        }

        return problems.Count > 0
            ? new FaqLoadResult(null, problems)
            : new FaqLoadResult(new FaqKnowledgeBase(entries.Select(e => e! with { FollowUps = e.FollowUps ?? [] }).ToList(), source), []);
    }

    /// <summary>Case, spacing and final punctuation do not make two questions different.</summary>
    public static string NormalizeQuestion(string question) =>
        string.Join(' ', question.ToLowerInvariant().Split((char[]?)null, StringSplitOptions.RemoveEmptyEntries)).TrimEnd('?', '.', '!', ' ');

    private static string FirstLine(string message) => message.Split('\n')[0].Trim();
}
