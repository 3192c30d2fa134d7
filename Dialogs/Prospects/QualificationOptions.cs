using System.ComponentModel.DataAnnotations;

namespace ChatBot.Dialogs.Prospects;

/// <summary>
/// The "Qualification" section: the questions' answers with their points, the size bands, the threshold, and what a
/// prospect who does not qualify is offered. Scoring rule: the points of each answer given (a skipped question
/// scores 0) plus <see cref="WorkEmailPoints"/> for an email outside <see cref="PersonalEmailDomains"/>; the
/// prospect is sales-qualified when the sum reaches <see cref="Threshold"/>. Defaults live in Bot/appsettings.json;
/// the section is validated at start.
/// </summary>
public sealed class QualificationOptions : IValidatableObject
{
    public const string Section = "Qualification";

    /// <summary>The longest answer label: Teams shows suggested actions of up to 50 characters.</summary>
    public const int MaxLabelLength = 50;

    [Range(1, 10_000)]
    public int Threshold { get; set; } = 60;

    /// <summary>"What's your role?", in the order offered.</summary>
    public List<ScoredAnswer> Roles { get; set; } = [];

    /// <summary>Head-count bands, smallest first, contiguous; the last may be open (no Max).</summary>
    public List<SizeBand> CompanySizes { get; set; } = [];

    /// <summary>"What would you mainly use Larkspur for?"</summary>
    public List<ScoredAnswer> UseCases { get; set; } = [];

    /// <summary>"When are you hoping to get started?"</summary>
    public List<ScoredAnswer> Timelines { get; set; } = [];

    [Range(0, 1_000)]
    public int WorkEmailPoints { get; set; } = 10;

    /// <summary>Email domains that are not a company's (no work-email points, no company taken from the domain).</summary>
    public List<string> PersonalEmailDomains { get; set; } = [];

    /// <summary>Larger head counts are refused as typos.</summary>
    [Range(1, 100_000_000)]
    public int MaxCompanySize { get; set; } = 1_000_000;

    /// <summary>
    /// The knowledge-base entry answered before the questions when a visitor asks about prices and the recognizer
    /// has no confident answer (the documented price list); empty for none.
    /// </summary>
    public string? PricingEntryId { get; set; }

    /// <summary>Knowledge-base entries offered (as buttons) to a prospect who does not qualify.</summary>
    public List<string> SelfServeEntryIds { get; set; } = [];

    /// <summary>Links shown to a prospect who does not qualify.</summary>
    public List<SelfServeLink> SelfServeLinks { get; set; } = [];

    /// <summary>The most points the rule can give: used to check that the threshold can be reached.</summary>
    public int MaxScore =>
        MaxOf(Roles) + (CompanySizes.Count == 0 ? 0 : CompanySizes.Max(b => b.Points)) + MaxOf(UseCases) + MaxOf(Timelines) + WorkEmailPoints;

    public IEnumerable<ValidationResult> Validate(ValidationContext validationContext)
    {
        foreach (var problem in CheckAnswers(nameof(Roles), Roles)
            .Concat(CheckAnswers(nameof(UseCases), UseCases))
            .Concat(CheckAnswers(nameof(Timelines), Timelines))
            .Concat(CheckSizes())
            .Concat(CheckSelfServe()))
        {
            yield return new ValidationResult($"{Section}:{problem}");
        }
        if (Roles.Count > 0 && UseCases.Count > 0 && Timelines.Count > 0 && CompanySizes.Count > 0 && Threshold > MaxScore)
        {
            yield return new ValidationResult(
                $"{Section}:Threshold is {Threshold} but the answers give at most {MaxScore} points: nobody could ever qualify.", [nameof(Threshold)]);
        }
    }

    private static int MaxOf(List<ScoredAnswer> answers) => answers.Count == 0 ? 0 : answers.Max(a => a.Points);

    private static IEnumerable<string> CheckAnswers(string name, List<ScoredAnswer> answers)
    {
        if (answers.Count == 0)
        {
            yield return $"{name} needs at least one answer.";
            yield break;
        }
        for (var i = 0; i < answers.Count; i++)
        {
            var answer = answers[i];
            if (string.IsNullOrWhiteSpace(answer.Answer))
            {
                yield return $"{name}:{i}:Answer is empty.";
            }
            else if (answer.Answer.Length > MaxLabelLength)
            {
                yield return $"{name}:{i}:Answer is longer than {MaxLabelLength} characters.";
            }
            if (answer.Points is < 0 or > 1_000)
            {
                yield return $"{name}:{i}:Points must be between 0 and 1000.";
            }
        }
        var duplicate = answers.Where(a => !string.IsNullOrWhiteSpace(a.Answer))
            .GroupBy(a => a.Answer.Trim(), StringComparer.OrdinalIgnoreCase).FirstOrDefault(g => g.Count() > 1);
        if (duplicate != null)
        {
            yield return $"{name} lists \"{duplicate.Key}\" twice.";
        }
    }

    private IEnumerable<string> CheckSizes()
    {
        if (CompanySizes.Count == 0)
        {
            yield return $"{nameof(CompanySizes)} needs at least one band.";
            yield break;
        }
        for (var i = 0; i < CompanySizes.Count; i++)
        {
            var band = CompanySizes[i];
            var where = $"{nameof(CompanySizes)}:{i}";
            if (string.IsNullOrWhiteSpace(band.Label) || band.Label.Length > MaxLabelLength)
            {
                yield return $"{where}:Label must be 1 to {MaxLabelLength} characters.";
            }
            if (band.Points is < 0 or > 1_000)
            {
                yield return $"{where}:Points must be between 0 and 1000.";
            }
            if (band.Max != null && band.Max < band.Min)
            {
                yield return $"{where}: Max ({band.Max}) is below Min ({band.Min}).";
            }
            if (i == 0 && band.Min != 1)
            {
                yield return $"{where}:Min must be 1 so that every head count has a band.";
            }
            if (i > 0)
            {
                var previous = CompanySizes[i - 1];
                if (previous.Max == null)
                {
                    yield return $"{nameof(CompanySizes)}:{i - 1} has no Max but is not the last band.";
                }
                else if (band.Min != previous.Max + 1)
                {
                    yield return $"{where}:Min must be {previous.Max + 1} (right after the previous band's Max).";
                }
            }
        }
    }

    private IEnumerable<string> CheckSelfServe()
    {
        for (var i = 0; i < SelfServeLinks.Count; i++)
        {
            var link = SelfServeLinks[i];
            if (string.IsNullOrWhiteSpace(link.Title))
            {
                yield return $"{nameof(SelfServeLinks)}:{i}:Title is empty.";
            }
            var absolute = Uri.TryCreate(link.Url, UriKind.Absolute, out var uri) && uri.Scheme is "https" or "http";
            if (!absolute && !(link.Url?.StartsWith('/') == true && !link.Url.StartsWith("//", StringComparison.Ordinal)))
            {
                yield return $"{nameof(SelfServeLinks)}:{i}:Url must be an http(s) address or a path starting with /.";
            }
        }
        if (SelfServeEntryIds.Any(string.IsNullOrWhiteSpace))
        {
            yield return $"{nameof(SelfServeEntryIds)} has an empty id.";
        }
    }

    /// <summary>The band that holds <paramref name="size"/>, or null.</summary>
    public SizeBand? BandFor(int size) =>
        CompanySizes.FirstOrDefault(b => size >= b.Min && (b.Max == null || size <= b.Max));
}

/// <summary>One offered answer and the points it scores.</summary>
public sealed class ScoredAnswer
{
    /// <summary>Shown as a button and stored in the profile.</summary>
    public string Answer { get; set; } = "";

    /// <summary>Other words that select it ("ceo" for "Founder or owner").</summary>
    public List<string> Synonyms { get; set; } = [];

    public int Points { get; set; }
}

/// <summary>A head-count band: Min to Max people inclusive (no Max: and more).</summary>
public sealed class SizeBand
{
    /// <summary>Shown as a button, e.g. "10-49" or "200+" (the number prompt reads both).</summary>
    public string Label { get; set; } = "";

    public int Min { get; set; } = 1;

    public int? Max { get; set; }

    public int Points { get; set; }
}

/// <summary>A self-serve link: a title and an http(s) address or a path on this site.</summary>
public sealed class SelfServeLink
{
    public string Title { get; set; } = "";

    public string Url { get; set; } = "";
}
