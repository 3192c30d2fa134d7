using ChatBot.Handoff.Coaches;
using ChatBot.Handoff.Requests;
using Microsoft.Bot.Builder;
using Microsoft.Bot.Schema;

namespace ChatBot.Handoff.Transcripts;

/// <summary>
/// What the SDK's <see cref="TranscriptLoggerMiddleware"/> hands over, minus what is not part of a visitor's
/// conversation, before it reaches the store: coaches' own conversations (console or Teams: their commands, alerts
/// and the copies of visitors' messages relayed to them; the visitor's side of a relay is logged in the visitor's
/// conversation, where the visitor saw it), the continuation events of proactive turns, handoff.ended (raised
/// in-process), typing and traces. So a visitor's transcript is exactly what the visitor said and saw.
/// </summary>
public sealed class VisitorTranscriptLogger(ITranscriptLogger inner, CoachDirectory coaches) : ITranscriptLogger
{
    public Task LogActivityAsync(IActivity activity)
    {
        ArgumentNullException.ThrowIfNull(activity);
        return BelongsToVisitorTranscript(activity) ? inner.LogActivityAsync(activity) : Task.CompletedTask;
    }

    public bool BelongsToVisitorTranscript(IActivity activity)
    {
        if (activity.Type is ActivityTypes.Typing or ActivityTypes.Trace)
        {
            return false;
        }
        if (activity.Type == ActivityTypes.Event && activity.AsEventActivity().Name is ActivityEventNames.ContinueConversation or HandoffEnded.EventName)
        {
            return false;
        }
        return coaches.FindByIdentity(activity.ChannelId, activity.From?.Id) == null
            && coaches.FindByIdentity(activity.ChannelId, activity.Recipient?.Id) == null;
    }
}
