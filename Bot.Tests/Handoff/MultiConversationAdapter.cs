using System.Security.Claims;
using System.Security.Principal;
using Microsoft.Bot.Builder;
using Microsoft.Bot.Connector.Authentication;
using Microsoft.Bot.Schema;

namespace ChatBot.Tests.Handoff;

/// <summary>
/// A test adapter for several conversations at once (the SDK's TestAdapter holds one): it runs the real
/// middleware pipeline, records every activity sent per conversation in order, runs proactive turns like
/// CloudAdapter does, and can make a conversation "gone" so that sends to it fail as a dead channel would.
/// </summary>
public sealed class MultiConversationAdapter : BotAdapter
{
    private readonly List<Activity> _sent;
    private readonly HashSet<string> _gone;
    private int _nextId;

    /// <param name="shared">Another instance's adapter whose channel this one shares (two bot instances, one channel).</param>
    public MultiConversationAdapter(IEnumerable<IMiddleware> middleware, MultiConversationAdapter? shared = null)
    {
        _sent = shared?._sent ?? [];
        _gone = shared?._gone ?? [];
        foreach (var item in middleware)
        {
            Use(item);
        }
    }

    public void MakeGone(string conversationId)
    {
        lock (_sent)
        {
            _gone.Add(conversationId);
        }
    }

    public IReadOnlyList<Activity> SentTo(string conversationId)
    {
        lock (_sent)
        {
            return _sent.Where(a => a.Conversation?.Id == conversationId).ToList();
        }
    }

    public IReadOnlyList<string> TextsTo(string conversationId) =>
        SentTo(conversationId).Where(a => a.Type == ActivityTypes.Message).Select(a => a.Text ?? "").ToList();

    /// <param name="authenticated">
    /// Whether the channel authenticated the turn, as CloudAdapter records it (a Bot Framework JWT); a coach
    /// identity is believed only then. False: an anonymous turn, as /api/messages without a MicrosoftAppId.
    /// </param>
    public async Task ProcessAsync(Activity activity, BotCallbackHandler bot, CancellationToken cancellationToken = default, bool authenticated = true)
    {
        using var context = new TurnContext(this, activity);
        context.TurnState.Add<IIdentity>(BotIdentityKey, authenticated
            ? new ClaimsIdentity([new Claim(AuthenticationConstants.AppIdClaim, "test-channel")], "test-channel")
            : new ClaimsIdentity([], AuthenticationConstants.AnonymousAuthType));
        await RunPipelineAsync(context, bot, cancellationToken);
    }

    public override Task<ResourceResponse[]> SendActivitiesAsync(ITurnContext turnContext, Activity[] activities, CancellationToken cancellationToken)
    {
        lock (_sent)
        {
            var responses = new List<ResourceResponse>();
            foreach (var activity in activities)
            {
                if (activity.Conversation?.Id != null && _gone.Contains(activity.Conversation.Id))
                {
                    throw new InvalidOperationException($"Conversation {activity.Conversation.Id} not found (test: gone).");
                }
                activity.Id ??= $"{GetHashCode()}-{++_nextId}";
                _sent.Add(activity);
                responses.Add(new ResourceResponse(activity.Id));
            }
            return Task.FromResult(responses.ToArray());
        }
    }

    public override async Task ContinueConversationAsync(string botId, ConversationReference reference, BotCallbackHandler callback, CancellationToken cancellationToken)
    {
        using var context = new TurnContext(this, reference.GetContinuationActivity());
        await RunPipelineAsync(context, callback, cancellationToken);
    }

    public override async Task ContinueConversationAsync(string botId, Activity continuationActivity, BotCallbackHandler callback, CancellationToken cancellationToken)
    {
        using var context = new TurnContext(this, continuationActivity);
        await RunPipelineAsync(context, callback, cancellationToken);
    }

    public override Task<ResourceResponse> UpdateActivityAsync(ITurnContext turnContext, Activity activity, CancellationToken cancellationToken) =>
        throw new NotSupportedException();

    public override Task DeleteActivityAsync(ITurnContext turnContext, ConversationReference reference, CancellationToken cancellationToken) =>
        throw new NotSupportedException();
}
