using ChatBot.Handoff.Options;
using Microsoft.Bot.Connector;
using Microsoft.Extensions.Options;

namespace ChatBot.Handoff.Coaches;

/// <summary>
/// The configured coaches and teams. A message comes from a coach only when its (channel, from.id) is one of a
/// configured coach's identities; everyone else is a visitor, whatever they type.
/// </summary>
public sealed class CoachDirectory
{
    public const string ConsoleUserPrefix = "coach:";

    private readonly HandoffOptions _options;
    private readonly Dictionary<(string Channel, string UserId), CoachOptions> _byIdentity = new();
    private readonly Dictionary<string, TeamSchedule> _schedules;

    public CoachDirectory(IOptions<HandoffOptions> options)
    {
        _options = options.Value;
        foreach (var coach in _options.Coaches)
        {
            _byIdentity[(_options.ConsoleChannelId, ConsoleUserId(coach.Id))] = coach;
            if (!string.IsNullOrEmpty(coach.TeamsUserId))
            {
                _byIdentity[(Channels.Msteams, coach.TeamsUserId)] = coach;
            }
        }
        _schedules = _options.Teams.ToDictionary(t => t.Name, TeamSchedule.Create);
    }

    public IReadOnlyList<CoachOptions> Coaches => _options.Coaches;

    public IReadOnlyList<TeamOptions> Teams => _options.Teams;

    public static string ConsoleUserId(string coachId) => ConsoleUserPrefix + coachId;

    public CoachOptions? FindByIdentity(string? channelId, string? userId) =>
        channelId != null && userId != null && _byIdentity.TryGetValue((channelId, userId), out var coach) ? coach : null;

    public CoachOptions? Find(string coachId) => _options.Coaches.FirstOrDefault(c => c.Id == coachId);

    public CoachOptions? FindByConsoleKey(string? key) =>
        string.IsNullOrEmpty(key) ? null : _options.Coaches.FirstOrDefault(c => !string.IsNullOrEmpty(c.ConsoleKey) && FixedTimeEquals(c.ConsoleKey, key));

    public TeamOptions? FindTeam(string? name) => _options.Teams.FirstOrDefault(t => t.Name == name);

    public IEnumerable<CoachOptions> TeamCoaches(string team) => _options.Coaches.Where(c => c.Team == team);

    public bool IsOpen(string team, DateTimeOffset now) => _schedules.TryGetValue(team, out var schedule) && schedule.IsOpen(now);

    private static bool FixedTimeEquals(string a, string b) =>
        System.Security.Cryptography.CryptographicOperations.FixedTimeEquals(
            System.Text.Encoding.UTF8.GetBytes(a), System.Text.Encoding.UTF8.GetBytes(b));
}
