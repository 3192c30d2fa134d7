using Microsoft.Bot.Schema;

namespace ChatBot.Transcripts;

/// <summary>
/// A transcript store that writes several activities at once, as cheaply as one (the background logger hands it
/// whatever is queued). Same result as logging each in order; an activity already there is not written twice.
/// </summary>
public interface ITranscriptBatchLogger
{
    Task LogActivitiesAsync(IReadOnlyList<IActivity> activities);
}
