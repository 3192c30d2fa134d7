using Microsoft.Bot.Builder;

namespace ChatBot.Handoff.Requests;

/// <summary>
/// How the dialogs hand a visitor to a person. Call it from the visitor's own turn. The requester stores the
/// request, tells the visitor where they stand and alerts the team (or, in External mode, sends handoff.initiate).
/// From then on the handoff middleware owns the conversation: the bot receives no visitor messages and cannot
/// send any until the handoff is over. Then the bot gets one event activity named
/// <see cref="HandoffEnded.EventName"/> ("handoff.ended") whose Value is a <see cref="HandoffEnded"/>,
/// in a turn of its own, exactly once per request (also for missed and abandoned requests).
/// </summary>
public interface IHandoffRequester
{
    Task<HandoffRequestResult> RequestAsync(ITurnContext turnContext, HandoffRequest request, CancellationToken cancellationToken = default);
}
