using ChatBot.Dialogs;
using ChatBot.Dialogs.Prospects;
using ChatBot.Handoff.Requests;
using ChatBot.Options;
using Microsoft.Bot.Builder;
using Microsoft.Bot.Schema;
using Microsoft.Extensions.Options;

namespace ChatBot.Bots;

/// <summary>
/// The activity handler, kept thin: welcomes each new conversation once, runs the prospect journey
/// (<see cref="MainDialog"/>) for every message, starts the feedback question when a coach has handled a chat
/// (handoff.ended), and saves ConversationState and UserState once at the end of the turn.
/// </summary>
public sealed class MainBot(
    ConversationState conversationState,
    UserState userState,
    JourneyState journey,
    MainDialog dialog,
    JourneyEvents events,
    TimeProvider time,
    IOptions<BotOptions> options,
    ILogger<MainBot> logger) : ActivityHandler
{
    public override async Task OnTurnAsync(ITurnContext turnContext, CancellationToken cancellationToken = default)
    {
        await base.OnTurnAsync(turnContext, cancellationToken);
        await conversationState.SaveChangesAsync(turnContext, false, cancellationToken);
        await userState.SaveChangesAsync(turnContext, false, cancellationToken);
    }

    protected override async Task OnMembersAddedAsync(IList<ChannelAccount> membersAdded, ITurnContext<IConversationUpdateActivity> turnContext, CancellationToken cancellationToken)
    {
        var flags = await journey.GetFlagsAsync(turnContext, cancellationToken);
        if (flags.Welcomed || !membersAdded.Any(m => m.Id != turnContext.Activity.Recipient?.Id))
        {
            return;
        }
        flags.Welcomed = true;
        var profile = await journey.GetProfileAsync(turnContext, cancellationToken);
        await turnContext.SendActivityAsync(JourneyTexts.Welcome(options.Value.Name, profile), cancellationToken);
    }

    protected override async Task OnMessageActivityAsync(ITurnContext<IMessageActivity> turnContext, CancellationToken cancellationToken)
    {
        var flags = await journey.GetFlagsAsync(turnContext, cancellationToken);
        flags.Welcomed = true;
        flags.Messages++;
        var profile = await journey.GetProfileAsync(turnContext, cancellationToken);
        VisitorChannelData.From(turnContext.Activity)?.ApplyTo(profile);
        if (!flags.EngagementRecorded)
        {
            flags.EngagementRecorded = true;
            await events.EngagementStartedAsync(turnContext, profile.VisitorType, cancellationToken);
        }
        await RunJourneyAsync(turnContext, cancellationToken);
        profile.LastSeen = time.GetUtcNow();
    }

    protected override async Task OnEventActivityAsync(ITurnContext<IEventActivity> turnContext, CancellationToken cancellationToken)
    {
        // The handoff gives the conversation back (the visitor has been told why); whatever was open before is over.
        var ended = HandoffEnded.FromActivity(turnContext.Activity);
        if (ended == null)
        {
            return;
        }
        await journey.DialogState.DeleteAsync(turnContext, cancellationToken);
        if (ended.CoachHandled)
        {
            // MainDialog starts on this event with the feedback question (once per conversation).
            await RunJourneyAsync(turnContext, cancellationToken);
        }
        else
        {
            await turnContext.SendActivityAsync(JourneyTexts.AnythingElse(), cancellationToken);
        }
    }

    private Task<DialogTurnResult> RunJourneyAsync(ITurnContext turnContext, CancellationToken cancellationToken) =>
        dialog.RunAsync(turnContext, journey.DialogState, new DialogRunOptions { Logger = logger }, cancellationToken);
}
