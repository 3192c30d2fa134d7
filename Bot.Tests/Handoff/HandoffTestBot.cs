using System.Collections.Concurrent;
using ChatBot.Handoff.Requests;
using Microsoft.Bot.Builder;
using Microsoft.Bot.Schema;

namespace ChatBot.Tests.Handoff;

/// <summary>
/// Stands in for the dialogs: "talk to sales|support" asks for a person (with the typed details a dialog would
/// pass), "chatty" asks for one and then tries to keep talking, anything else is echoed. handoff.ended events
/// are recorded and answered with the feedback question, as the real bot does.
/// </summary>
public sealed class HandoffTestBot(IHandoffRequester requester) : ActivityHandler
{
    public const string Feedback = "How did we do?";

    public ConcurrentQueue<(string ConversationId, HandoffEnded Ended)> Ended { get; } = new();
    public ConcurrentQueue<HandoffRequestResult> Results { get; } = new();
    public string? VisitorEmail { get; set; }

    protected override async Task OnMessageActivityAsync(ITurnContext<IMessageActivity> turnContext, CancellationToken cancellationToken)
    {
        var text = turnContext.Activity.Text ?? "";
        if (text.StartsWith("talk to ") || text == "chatty")
        {
            var team = text == "chatty" ? "sales" : text["talk to ".Length..];
            var result = await requester.RequestAsync(turnContext, new HandoffRequest
            {
                Team = team,
                Reason = "wants a demo",
                VisitorType = "prospect",
                Intent = "demo",
                QualificationSummary = "50 seats, budget approved",
                VisitorEmail = VisitorEmail,
            }, cancellationToken);
            Results.Enqueue(result);
            if (text == "chatty")
            {
                await turnContext.SendActivityAsync("bot talking after the handoff started", cancellationToken: cancellationToken);
            }
            return;
        }
        await turnContext.SendActivityAsync($"echo: {text}", cancellationToken: cancellationToken);
    }

    protected override async Task OnEventActivityAsync(ITurnContext<IEventActivity> turnContext, CancellationToken cancellationToken)
    {
        var ended = HandoffEnded.FromActivity(turnContext.Activity);
        if (ended != null)
        {
            Ended.Enqueue((turnContext.Activity.Conversation.Id, ended));
            await turnContext.SendActivityAsync(ended.CoachHandled ? Feedback : "Anything else?", cancellationToken: cancellationToken);
        }
    }
}
