using ChatBot.Handoff.Requests;
using Microsoft.Bot.Builder;
using Microsoft.Bot.Schema;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace ChatBot.Handoff.Relay;

/// <summary>
/// Proactive messages to the other side of a handoff, from stored conversation references and the bot's app id,
/// so they work from any instance and after a restart. A failed delivery is returned as false, never swallowed:
/// the caller tells the other side and puts the request back in the queue.
/// </summary>
public sealed class HandoffRelay(IConfiguration configuration, IServiceProvider services, ILogger<HandoffRelay> logger)
{
    private readonly string _botAppId = configuration["MicrosoftAppId"] ?? "";

    public async Task<bool> SendAsync(BotAdapter adapter, ConversationReference to, IReadOnlyList<IActivity> activities, CancellationToken cancellationToken = default)
    {
        Exception? failure = null;
        try
        {
            await HandoffInternalTurn.RunAsync(() => adapter.ContinueConversationAsync(_botAppId, ContinuationOf(to), async (turnContext, ct) =>
            {
                // Caught here: an exception thrown in the callback would otherwise go to the adapter's OnTurnError.
                try
                {
                    foreach (var activity in activities)
                    {
                        await turnContext.SendActivityAsync(activity, ct);
                    }
                }
                catch (Exception e) when (e is not OperationCanceledException)
                {
                    failure = e;
                }
            }, cancellationToken));
        }
        catch (Exception e) when (e is not OperationCanceledException)
        {
            failure = e;
        }
        if (failure != null)
        {
            logger.LogWarning(failure, "Handoff relay to conversation {ConversationId} on {ChannelId} failed", to.Conversation?.Id, to.ChannelId);
            return false;
        }
        return true;
    }

    public Task<bool> SendAsync(BotAdapter adapter, ConversationReference to, IActivity activity, CancellationToken cancellationToken = default) =>
        SendAsync(adapter, to, [activity], cancellationToken);

    /// <summary>
    /// The activity a proactive turn runs with, without an id: the SDK would make one up, every message of the turn
    /// would carry it as replyToId, and Web Chat holds a reply to an activity it never saw for 5 seconds.
    /// </summary>
    private static Activity ContinuationOf(ConversationReference reference)
    {
        var activity = reference.GetContinuationActivity();
        activity.Id = null;
        return activity;
    }

    /// <summary>
    /// Gives the conversation back to the bot: runs a turn of the bot with an event activity named handoff.ended
    /// whose Value is <paramref name="ended"/>, as if the visitor's conversation had sent it.
    /// </summary>
    public async Task RaiseEndedAsync(BotAdapter adapter, ConversationReference visitor, HandoffEnded ended, CancellationToken cancellationToken = default)
    {
        var activity = ContinuationOf(visitor);
        activity.Type = ActivityTypes.Event;
        activity.Name = HandoffEnded.EventName;
        activity.Value = ended;
        try
        {
            await using var scope = services.CreateAsyncScope();
            var bot = scope.ServiceProvider.GetRequiredService<IBot>();
            await HandoffInternalTurn.RunAsync(() => adapter.ContinueConversationAsync(_botAppId, activity, bot.OnTurnAsync, cancellationToken));
        }
        catch (Exception e) when (e is not OperationCanceledException)
        {
            logger.LogWarning(e, "Could not give conversation {ConversationId} back to the bot", visitor.Conversation?.Id);
        }
    }
}
