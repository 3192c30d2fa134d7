using ChatBot.Handoff.Requests;
using Microsoft.Bot.Builder;
using Microsoft.Bot.Schema;

namespace ChatBot.Handoff.Middleware;

/// <summary>
/// Per-turn handoff facts kept in the turn state: whether the handoff owns the conversation (then only the
/// handoff's own messages may be sent), which activities are the handoff's own, the turn's activities not yet
/// in the transcript store, and a handoff.ended event to raise once the turn is over.
/// </summary>
public static class HandoffTurn
{
    private const string OwnedKey = "ChatBot.Handoff.Owned";
    private const string OwnKey = "ChatBot.Handoff.OwnActivities";
    private const string ActivitiesKey = "ChatBot.Handoff.TurnActivities";
    private const string EndedKey = "ChatBot.Handoff.PendingEnded";

    public static bool IsOwned(ITurnContext turnContext) => turnContext.TurnState.Get<object>(OwnedKey) is true;

    public static void SetOwned(ITurnContext turnContext, bool owned) => turnContext.TurnState[OwnedKey] = owned;

    public static bool IsOwn(ITurnContext turnContext, IActivity activity) =>
        turnContext.TurnState.Get<HashSet<IActivity>>(OwnKey)?.Contains(activity) == true;

    /// <summary>Sends a message of the handoff itself: it passes the guard that silences the bot.</summary>
    public static Task<ResourceResponse> SendOwnAsync(ITurnContext turnContext, IActivity activity, CancellationToken cancellationToken)
    {
        var own = turnContext.TurnState.Get<HashSet<IActivity>>(OwnKey);
        if (own == null)
        {
            own = new HashSet<IActivity>(ReferenceEqualityComparer.Instance);
            turnContext.TurnState[OwnKey] = own;
        }
        own.Add(activity);
        return turnContext.SendActivityAsync(activity, cancellationToken);
    }

    public static Task<ResourceResponse> SendOwnAsync(ITurnContext turnContext, string text, CancellationToken cancellationToken) =>
        SendOwnAsync(turnContext, MessageFactory.Text(text), cancellationToken);

    /// <summary>
    /// The visitor's message and the messages sent so far this turn (with the ids the channel gave them), not yet in
    /// the transcript store: the requester stores them at the moment a request is queued (see IHandoffTranscriptStore).
    /// </summary>
    public static List<IActivity> Activities(ITurnContext turnContext)
    {
        var activities = turnContext.TurnState.Get<List<IActivity>>(ActivitiesKey);
        if (activities == null)
        {
            activities = [];
            turnContext.TurnState[ActivitiesKey] = activities;
        }
        return activities;
    }

    /// <summary>The bot gets the conversation back once this turn is over (see <see cref="HandoffEnded"/>).</summary>
    public static void SetPendingEnded(ITurnContext turnContext, HandoffEnded ended) => turnContext.TurnState[EndedKey] = ended;

    public static HandoffEnded? TakePendingEnded(ITurnContext turnContext)
    {
        var ended = turnContext.TurnState.Get<HandoffEnded>(EndedKey);
        turnContext.TurnState.Remove(EndedKey);
        return ended;
    }
}
