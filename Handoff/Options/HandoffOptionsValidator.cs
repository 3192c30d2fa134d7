using System.ComponentModel.DataAnnotations;
using ChatBot.Handoff.Coaches;
using Microsoft.Extensions.Options;

namespace ChatBot.Handoff.Options;

/// <summary>
/// What data annotations cannot see: the nested coach and team lists, unique ids, coaches in known teams,
/// parseable office hours and time zones. A bad handoff configuration stops the host at start-up.
/// </summary>
public sealed class HandoffOptionsValidator : IValidateOptions<HandoffOptions>
{
    public ValidateOptionsResult Validate(string? name, HandoffOptions options)
    {
        var errors = new List<string>();
        foreach (var team in options.Teams)
        {
            Annotations(team, $"Handoff:Teams[{team.Name}]", errors);
            foreach (var rule in team.OfficeHours)
            {
                Annotations(rule, $"Handoff:Teams[{team.Name}]:OfficeHours", errors);
            }
            try
            {
                _ = TeamSchedule.Create(team);
            }
            catch (FormatException e)
            {
                errors.Add($"Handoff:Teams[{team.Name}]: {e.Message}");
            }
        }
        foreach (var coach in options.Coaches)
        {
            Annotations(coach, $"Handoff:Coaches[{coach.Id}]", errors);
            if (!options.Teams.Any(t => t.Name == coach.Team))
            {
                errors.Add($"Handoff:Coaches[{coach.Id}]: team '{coach.Team}' is not in Handoff:Teams.");
            }
        }
        errors.AddRange(options.Teams.GroupBy(t => t.Name).Where(g => g.Count() > 1).Select(g => $"Handoff:Teams: '{g.Key}' appears twice."));
        errors.AddRange(options.Coaches.GroupBy(c => c.Id).Where(g => g.Count() > 1).Select(g => $"Handoff:Coaches: '{g.Key}' appears twice."));
        errors.AddRange(options.Coaches.Where(c => !string.IsNullOrEmpty(c.ConsoleKey)).GroupBy(c => c.ConsoleKey)
            .Where(g => g.Count() > 1).Select(g => $"Handoff:Coaches: coaches {string.Join(", ", g.Select(c => c.Id))} share a ConsoleKey."));
        errors.AddRange(options.Coaches.Where(c => options.Teams.Any(t => t.Name == c.Id))
            .Select(c => $"Handoff:Coaches[{c.Id}]: a coach id must not be a team name (transfer would be ambiguous)."));
        return errors.Count == 0 ? ValidateOptionsResult.Success : ValidateOptionsResult.Fail(errors);
    }

    private static void Annotations(object item, string where, List<string> errors)
    {
        var results = new List<ValidationResult>();
        if (!Validator.TryValidateObject(item, new ValidationContext(item), results, validateAllProperties: true))
        {
            errors.AddRange(results.Select(r => $"{where}: {r.ErrorMessage}"));
        }
    }
}
