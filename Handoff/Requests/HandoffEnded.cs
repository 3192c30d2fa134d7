using Microsoft.Bot.Schema;
using Newtonsoft.Json.Linq;

namespace ChatBot.Handoff.Requests;

/// <summary>
/// The Value of the "handoff.ended" event activity the bot receives when a handoff is over and the conversation
/// is the bot's again. The visitor has already been told (coach ended the chat, nobody could take it, left the
/// queue); the bot resumes, e.g. asks for feedback when <see cref="CoachHandled"/> is true.
/// </summary>
public sealed record HandoffEnded
{
    public const string EventName = "handoff.ended";

    /// <summary>
    /// qualified, not-qualified or resolved when a coach ended it; missed when nobody took it (see
    /// <see cref="MissedReason"/>); abandoned when the visitor left the queue. See <see cref="HandoffOutcomes"/>.
    /// </summary>
    public required string Outcome { get; init; }

    /// <summary>Whether a coach (or external agent) actually chatted with the visitor.</summary>
    public bool CoachHandled { get; init; }

    public string? Team { get; init; }
    public string? CoachId { get; init; }
    public string? CoachName { get; init; }

    /// <summary>Missed: timeout, nobody-available, closed-hours or failed.</summary>
    public string? MissedReason { get; init; }

    /// <summary>Missed: the email the visitor left for a follow-up, if any.</summary>
    public string? FollowUpEmail { get; init; }

    /// <summary>Reads the value of a handoff.ended event activity (typed in-process, JSON when it crossed a wire); null otherwise.</summary>
    public static HandoffEnded? FromActivity(IActivity activity)
    {
        if (activity is not IEventActivity { Name: EventName } ev)
        {
            return null;
        }
        return ev.Value switch
        {
            HandoffEnded ended => ended,
            JObject json => json.ToObject<HandoffEnded>(),
            _ => null,
        };
    }
}
