namespace ChatBot.Dialogs.Prospects;

/// <summary>
/// The scoring rule of <see cref="QualificationOptions"/>: points of each answer given, plus the work-email points;
/// sales-qualified at or above the threshold. Pure, so the rule is tested on its own.
/// </summary>
public static class QualificationScorer
{
    public static int Score(QualificationAnswers answers, QualificationOptions options)
    {
        var score = PointsOf(options.Roles, answers.Role) + PointsOf(options.UseCases, answers.UseCase) + PointsOf(options.Timelines, answers.Timeline);
        if (answers.CompanySize is int size)
        {
            score += options.BandFor(size)?.Points ?? 0;
        }
        if (IsWorkEmail(answers.Email, options))
        {
            score += options.WorkEmailPoints;
        }
        return score;
    }

    public static bool IsQualified(int score, QualificationOptions options) => score >= options.Threshold;

    /// <summary>An address whose domain is not a personal mail provider's.</summary>
    public static bool IsWorkEmail(string? email, QualificationOptions options)
    {
        var domain = DomainOf(email);
        return domain != null && !options.PersonalEmailDomains.Any(d =>
            string.Equals(d.Trim(), domain, StringComparison.OrdinalIgnoreCase)
            || domain.EndsWith("." + d.Trim(), StringComparison.OrdinalIgnoreCase));
    }

    public static string? DomainOf(string? email)
    {
        var at = email?.LastIndexOf('@') ?? -1;
        return at > 0 && at < email!.Length - 1 ? email[(at + 1)..].ToLowerInvariant() : null;
    }

    /// <summary>
    /// The coach's lines, e.g. "Role: Sales · Size: 40 · Use: Sales pipeline · Timeline: This month · Email:
    /// jane@acme.com (ok to email)" and "Score 100 (qualifies at 60): sales-qualified · came in about pricing", then
    /// the questions the visitor asked meanwhile, if any. Without consent the address is not shown, only what
    /// kind it was (work or personal), which explains the score.
    /// </summary>
    public static string Summary(QualificationAnswers answers, int score, bool qualified, string intent, QualificationOptions options)
    {
        static string Or(string? value) => string.IsNullOrWhiteSpace(value) ? "skipped" : value;
        var email = answers.Email == null
            ? "skipped"
            : answers.ContactConsent == true
                ? answers.Email + " (ok to email)"
                : (IsWorkEmail(answers.Email, options) ? "work" : "personal") + " address given, no consent to email";
        var first = $"Role: {Or(answers.Role)} · Size: {Or(answers.CompanySizeSaid ?? answers.CompanySize?.ToString(System.Globalization.CultureInfo.InvariantCulture))} · "
            + $"Use: {Or(answers.UseCase)} · Timeline: {Or(answers.Timeline)} · Email: {email}";
        var verdict = qualified ? "sales-qualified" : "not qualified";
        var summary = $"{first}\nScore {score} (qualifies at {options.Threshold}): {verdict} · came in about {intent}";
        if (answers.OpenQuestions.Count > 0)
        {
            summary += "\nAsked meanwhile: " + string.Join(" · ", answers.OpenQuestions.Select(q => $"\"{q}\""));
        }
        return summary;
    }

    /// <summary>The summary of an earlier qualification, from the profile (nothing is asked or scored again).</summary>
    public static string Summary(VisitorProfile profile, string intent, QualificationOptions options)
    {
        var answers = QualificationAnswers.From(profile);
        return Summary(answers, profile.QualificationScore ?? Score(answers, options), profile.Qualified == true, intent, options);
    }

    private static int PointsOf(List<ScoredAnswer> answers, string? given) =>
        given == null ? 0 : answers.FirstOrDefault(a => string.Equals(a.Answer, given, StringComparison.OrdinalIgnoreCase))?.Points ?? 0;
}
