using System.ComponentModel.DataAnnotations;
using ChatBot.Dialogs.Prospects;
using ChatBot.Tests.Infrastructure;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;

namespace ChatBot.Tests.Prospects;

/// <summary>The scoring rule and the validation of the "Qualification" section.</summary>
public class QualificationRuleTests
{
    private static QualificationOptions Shipped()
    {
        var configuration = new ConfigurationBuilder().AddJsonFile(Path.Combine(TestPaths.RepoRoot, "Bot", "appsettings.json")).Build();
        var options = new QualificationOptions();
        configuration.GetSection(QualificationOptions.Section).Bind(options);
        return options;
    }

    private static List<string> Problems(QualificationOptions options)
    {
        var results = new List<ValidationResult>();
        Validator.TryValidateObject(options, new ValidationContext(options), results, validateAllProperties: true);
        return results.Select(r => r.ErrorMessage!).ToList();
    }

    [Fact]
    public void The_shipped_section_is_valid_and_can_be_reached()
    {
        var options = Shipped();
        Assert.Empty(Problems(options));
        Assert.Equal(60, options.Threshold);
        Assert.Equal(125, options.MaxScore);
        Assert.Equal(6, options.Roles.Count);
    }

    [Theory]
    [InlineData("Sales", 40, "Sales pipeline", "This month", "jane@acme.com", 100)]
    [InlineData("Other", 3, "Customer support", "Just looking", "sam@gmail.com", 20)]
    [InlineData(null, 250, null, null, null, 35)]
    [InlineData("founder or owner", 9, "A bit of everything", "In 1-3 months", "a@sub.yahoo.com", 75)]
    [InlineData(null, null, null, null, null, 0)]
    public void Score_adds_the_points_of_the_answers_given(string? role, int? size, string? useCase, string? timeline, string? email, int expected)
    {
        var answers = new QualificationAnswers { Role = role, CompanySize = size, UseCase = useCase, Timeline = timeline, Email = email };
        var options = Shipped();
        var score = QualificationScorer.Score(answers, options);
        Assert.Equal(expected, score);
        Assert.Equal(expected >= 60, QualificationScorer.IsQualified(score, options));
    }

    [Theory]
    [InlineData(1, "1-9")]
    [InlineData(9, "1-9")]
    [InlineData(10, "10-49")]
    [InlineData(199, "50-199")]
    [InlineData(200, "200+")]
    [InlineData(900_000, "200+")]
    public void Every_head_count_has_one_band(int size, string label) => Assert.Equal(label, Shipped().BandFor(size)!.Label);

    [Fact]
    public void A_threshold_nobody_can_reach_is_refused()
    {
        var options = Shipped();
        options.Threshold = 200;
        Assert.Contains(Problems(options), p => p.Contains("nobody could ever qualify"));
    }

    [Fact]
    public void Gaps_overlaps_empty_lists_duplicates_and_bad_links_are_refused_with_their_keys()
    {
        var options = Shipped();
        options.CompanySizes[1].Min = 12;
        options.Roles.Add(new ScoredAnswer { Answer = "sales", Points = 3 });
        options.UseCases.Clear();
        options.Timelines[0].Points = -1;
        options.SelfServeLinks.Add(new SelfServeLink { Title = "Evil", Url = "javascript:alert(1)" });
        options.SelfServeLinks.Add(new SelfServeLink { Title = "Other host", Url = "//evil.example.com" });
        var problems = Problems(options);
        Assert.Contains("Qualification:CompanySizes:1:Min must be 10 (right after the previous band's Max).", problems);
        Assert.Contains("Qualification:Roles lists \"Sales\" twice.", problems);
        Assert.Contains("Qualification:UseCases needs at least one answer.", problems);
        Assert.Contains("Qualification:Timelines:0:Points must be between 0 and 1000.", problems);
        Assert.Contains("Qualification:SelfServeLinks:2:Url must be an http(s) address or a path starting with /.", problems);
        Assert.Contains("Qualification:SelfServeLinks:3:Url must be an http(s) address or a path starting with /.", problems);
    }

    [Fact]
    public void The_host_refuses_to_start_without_the_section()
    {
        var services = new ServiceCollection();
        services.AddProspectJourney(new ConfigurationBuilder().Build());
        using var provider = services.BuildServiceProvider();
        var error = Assert.Throws<OptionsValidationException>(() => provider.GetRequiredService<IOptions<QualificationOptions>>().Value);
        Assert.Contains("Qualification:Roles needs at least one answer.", error.Message);
    }

    [Fact]
    public void The_summary_names_every_answer_or_says_it_was_skipped()
    {
        var options = Shipped();
        var summary = QualificationScorer.Summary(
            new QualificationAnswers { Role = "Sales", CompanySize = 30, CompanySizeSaid = "10-49", Email = "kim@northwind.example.com", ContactConsent = false },
            40, false, JourneyIntents.Demo, options);
        Assert.Equal(
            "Role: Sales · Size: 10-49 · Use: skipped · Timeline: skipped · Email: work address given, no consent to email\n"
            + "Score 40 (qualifies at 60): not qualified · came in about demo",
            summary);
    }

    [Fact]
    public void Without_consent_the_summary_never_shows_the_address()
    {
        // README: without consent, the email is not passed to the coach.
        var options = Shipped();
        foreach (var (email, kind) in new[] { ("joe@gmail.com", "personal"), ("kim@northwind.example.com", "work") })
        {
            foreach (var consent in new bool?[] { false, null })
            {
                var summary = QualificationScorer.Summary(new QualificationAnswers { Email = email, ContactConsent = consent }, 10, false, JourneyIntents.Pricing, options);
                Assert.DoesNotContain(email, summary);
                Assert.DoesNotContain(email.Split('@')[0], summary);
                Assert.Contains($"Email: {kind} address given, no consent to email", summary);
            }
        }
        var agreed = QualificationScorer.Summary(new QualificationAnswers { Email = "joe@gmail.com", ContactConsent = true }, 0, false, JourneyIntents.Pricing, options);
        Assert.Contains("Email: joe@gmail.com (ok to email)", agreed);
    }
}
