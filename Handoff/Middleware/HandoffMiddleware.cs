using ChatBot.Handoff.Coaches;
using ChatBot.Handoff.External;
using ChatBot.Handoff.Options;
using ChatBot.Handoff.Relay;
using ChatBot.Handoff.Requests;
using ChatBot.Handoff.Storage;
using Microsoft.Bot.Builder;
using Microsoft.Bot.Schema;
using Microsoft.Extensions.Logging;

namespace ChatBot.Handoff.Middleware;

/// <summary>
/// Decides, for every inbound activity, who owns the conversation. Coaches' agent conversations go to the coach
/// side (commands and relays) and never reach the bot. Visitor conversations that are queued or connected stay
/// with the handoff; otherwise the turn goes on to the bot. On every visitor turn a send guard drops whatever the
/// bot tries to say while the handoff owns the conversation, so the bot can never talk over a coach (what it
/// drops never reaches the transcript either: TranscriptLoggerMiddleware logs what was sent).
/// </summary>
public sealed class HandoffMiddleware(
    HandoffOperations ops,
    VisitorHandoff visitors,
    CoachHandoff coaches,
    ExternalHandoff external,
    ICoachIdentityVerifier coachVerifier,
    ILogger<HandoffMiddleware> logger) : IMiddleware
{
    private readonly KeyedAsyncLock _locks = new();

    public async Task OnTurnAsync(ITurnContext turnContext, NextDelegate next, CancellationToken cancellationToken = default)
    {
        var activity = turnContext.Activity;
        turnContext.OnSendActivities(StampBeforeSendingAsync);
        if (HandoffInternalTurn.IsActive)
        {
            // A relay, an alert or the handoff.ended turn that the handoff itself started.
            await next(cancellationToken);
            return;
        }
        if (activity?.Conversation?.Id == null || activity.ChannelId == null)
        {
            await next(cancellationToken);
            return;
        }

        var key = HandoffStore.RecordKey(activity.ChannelId, activity.Conversation.Id);
        using var turnLock = await _locks.AcquireAsync(key, cancellationToken);

        var coach = coachVerifier.IsVouchedFor(turnContext) ? ops.Directory.FindByIdentity(activity.ChannelId, activity.From?.Id) : null;
        if (coach != null)
        {
            await coaches.OnTurnAsync(turnContext, coach, cancellationToken);
            return;
        }
        if (activity.Type == ActivityTypes.Event && activity.Name == HandoffEnded.EventName)
        {
            // Only the handoff raises this, in-process; one arriving from a channel is forged.
            logger.LogWarning("Dropped a handoff.ended event sent by {From} in conversation {ConversationId}", activity.From?.Id, activity.Conversation.Id);
            return;
        }

        var record = await ops.Store.GetAsync<HandoffRecord>(key, cancellationToken);
        HandoffTurn.SetOwned(turnContext, record?.OwnsConversation == true);
        turnContext.OnSendActivities(GuardAsync);
        if (activity.Type == ActivityTypes.Message)
        {
            // A timestamp from the start of the turn (as TranscriptLoggerMiddleware gives its copy), before any reply's.
            activity.Timestamp ??= DateTimeOffset.UtcNow;
            HandoffTurn.Activities(turnContext).Add(activity);
        }

        if (activity.Type == ActivityTypes.Event && activity.Name == HandoffStates.StatusEvent && ops.Options.Mode == HandoffMode.External)
        {
            if (ops.Options.ExternalStatusChannels.Contains(activity.ChannelId) && AuthenticatedChannelVerifier.IsAuthenticatedChannel(turnContext))
            {
                await external.OnStatusAsync(turnContext, record, cancellationToken);
            }
            else
            {
                logger.LogWarning("Ignored a handoff.status event on channel {ChannelId} in conversation {ConversationId}: not from the agent hub",
                    activity.ChannelId, activity.Conversation.Id);
            }
        }
        else if (record?.OwnsConversation == true)
        {
            await visitors.OnOwnedTurnAsync(turnContext, record, cancellationToken);
        }
        else if (record is { State: HandoffState.Closed, AwaitingFollowUpEmail: true } && activity.Type == ActivityTypes.Message
            && await visitors.OnFollowUpAsync(turnContext, record, cancellationToken))
        {
            // The email (or a "no thanks") was for us.
        }
        else
        {
            await next(cancellationToken);
        }

        var ended = HandoffTurn.TakePendingEnded(turnContext);
        if (ended != null)
        {
            await ops.Relay.RaiseEndedAsync(turnContext.Adapter, activity.GetConversationReference(), ended, cancellationToken);
        }
    }

    /// <summary>
    /// Every turn's messages (visitors', coaches', and the handoff's own relays and notices) get a timestamp from
    /// before the send: stamped after it (as TranscriptLoggerMiddleware would), a message could come
    /// later in the transcript than a visitor's reply to it that the channel stored while the send was returning.
    /// </summary>
    private static Task<ResourceResponse[]> StampBeforeSendingAsync(ITurnContext turnContext, List<Activity> activities, Func<Task<ResourceResponse[]>> next)
    {
        var now = DateTimeOffset.UtcNow;
        foreach (var activity in activities)
        {
            activity.Timestamp ??= now;
        }
        return next();
    }

    private async Task<ResourceResponse[]> GuardAsync(ITurnContext turnContext, List<Activity> activities, Func<Task<ResourceResponse[]>> next)
    {
        if (HandoffTurn.IsOwned(turnContext))
        {
            var dropped = activities.RemoveAll(a => !HandoffTurn.IsOwn(turnContext, a) && a.Type != ActivityTypes.Trace);
            if (dropped > 0)
            {
                logger.LogInformation("Dropped {Count} bot activities in conversation {ConversationId}: a person owns it",
                    dropped, turnContext.Activity.Conversation.Id);
            }
            if (activities.Count == 0)
            {
                return [];
            }
        }
        var responses = await next();
        var turn = HandoffTurn.Activities(turnContext);
        for (var i = 0; i < activities.Count; i++)
        {
            var sent = activities[i];
            // The channel's id and the timestamp on the activity itself: TranscriptLoggerMiddleware (earlier in the
            // pipeline) copies them after this returns, so both writes of it to the transcript store are one entry.
            sent.Id ??= responses.ElementAtOrDefault(i)?.Id;
            if (sent.Type == ActivityTypes.Message)
            {
                turn.Add(sent);
            }
        }
        return responses;
    }
}
