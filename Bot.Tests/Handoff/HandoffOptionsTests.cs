using Microsoft.Extensions.Configuration;
using ChatBot.Handoff.Coaches;
using ChatBot.Handoff.Options;

namespace ChatBot.Tests.Handoff;

public class HandoffOptionsTests
{
    private static HandoffOptions Valid() => new()
    {
        Teams = [new TeamOptions { Name = "sales" }, new TeamOptions { Name = "support", TimeZone = "Europe/Paris", OfficeHours = [new OfficeHoursRule { Days = "Mon-Fri", Open = "09:00", Close = "17:30" }] }],
        Coaches = [new CoachOptions { Id = "dana", Name = "Dana", Team = "sales", ConsoleKey = "k1" }],
    };

    [Fact]
    public void A_valid_configuration_passes()
    {
        Assert.True(new HandoffOptionsValidator().Validate(null, Valid()).Succeeded);
    }

    [Fact]
    public void The_sample_appsettings_configuration_is_valid()
    {
        var configuration = new Microsoft.Extensions.Configuration.ConfigurationBuilder()
            .AddJsonFile(Path.Combine(Infrastructure.TestPaths.RepoRoot, "Bot", "appsettings.json")).Build();
        var options = new HandoffOptions();
        Microsoft.Extensions.Configuration.ConfigurationBinder.Bind(configuration.GetSection("Handoff"), options);
        Assert.True(new HandoffOptionsValidator().Validate(null, options).Succeeded);
        Assert.Contains(options.Coaches, c => c.Team == "sales" && !string.IsNullOrEmpty(c.ConsoleKey));
        Assert.Contains(options.Coaches, c => c.Team == "support" && !string.IsNullOrEmpty(c.ConsoleKey));
    }

    [Theory]
    [InlineData("unknown-team")]
    [InlineData("duplicate-coach")]
    [InlineData("bad-zone")]
    [InlineData("bad-hours")]
    [InlineData("close-before-open")]
    [InlineData("bad-day")]
    [InlineData("shared-key")]
    [InlineData("bad-id")]
    public void Mistakes_are_reported(string mistake)
    {
        var options = Valid();
        switch (mistake)
        {
            case "unknown-team": options.Coaches[0].Team = "marketing"; break;
            case "duplicate-coach": options.Coaches.Add(new CoachOptions { Id = "dana", Name = "Other", Team = "sales" }); break;
            case "bad-zone": options.Teams[0].TimeZone = "Mars/Olympus"; break;
            case "bad-hours": options.Teams[1].OfficeHours[0].Open = "9am"; break;
            case "close-before-open": options.Teams[1].OfficeHours[0].Close = "08:00"; break;
            case "bad-day": options.Teams[1].OfficeHours[0].Days = "Mon-Funday"; break;
            case "shared-key": options.Coaches.Add(new CoachOptions { Id = "sam", Name = "Sam", Team = "support", ConsoleKey = "k1" }); break;
            case "bad-id": options.Coaches[0].Id = "Dana Smith"; break;
        }
        var result = new HandoffOptionsValidator().Validate(null, options);
        Assert.True(result.Failed);
        Assert.NotEmpty(result.Failures!);
    }

    [Theory]
    [InlineData("2026-11-30T08:59:00+01:00", false)] // Monday before opening (Paris)
    [InlineData("2026-11-30T09:00:00+01:00", true)]
    [InlineData("2026-11-30T17:29:00+01:00", true)]
    [InlineData("2026-11-30T17:30:00+01:00", false)]
    [InlineData("2026-12-05T12:00:00+01:00", false)] // Saturday
    public void Office_hours_follow_the_team_time_zone(string at, bool open)
    {
        var schedule = TeamSchedule.Create(Valid().Teams[1]);
        Assert.Equal(open, schedule.IsOpen(DateTimeOffset.Parse(at)));
    }
}
