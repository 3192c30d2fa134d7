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
            await HandoffInternalTurn.RunAsync(() => adapter.ContinueConversationAsync(_botAppId, to, async (turnContext, ct) =>
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
    /// Gives the conversation back to the bot: runs a turn of the bot with an event activity named handoff.ended
    /// whose Value is <paramref name="ended"/>, as if the visitor's conversation had sent it.
    /// </summary>
    public async Task RaiseEndedAsync(BotAdapter adapter, ConversationReference visitor, HandoffEnded ended, CancellationToken cancellationToken = default)
    {
        var activity = visitor.GetContinuationActivity();
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
