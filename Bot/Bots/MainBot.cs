using Microsoft.Bot.Builder;
using Microsoft.Bot.Schema;
using Microsoft.Extensions.Options;
using ChatBot.Options;

namespace ChatBot.Bots;

/// <summary>
/// The activity handler: welcomes each new conversation once, then hands every message to the bot's
/// conversation logic, and saves state once at the end of the turn.
/// </summary>
public sealed class MainBot(ConversationState conversationState, UserState userState, IOptions<BotOptions> options)
    : ActivityHandler
{
    private readonly IStatePropertyAccessor<bool> _welcomed = conversationState.CreateProperty<bool>("welcomed");

    public override async Task OnTurnAsync(ITurnContext turnContext, CancellationToken cancellationToken = default)
    {
        await base.OnTurnAsync(turnContext, cancellationToken);
        await conversationState.SaveChangesAsync(turnContext, false, cancellationToken);
        await userState.SaveChangesAsync(turnContext, false, cancellationToken);
    }

    protected override async Task OnMembersAddedAsync(IList<ChannelAccount> membersAdded, ITurnContext<IConversationUpdateActivity> turnContext, CancellationToken cancellationToken)
    {
        var someoneElse = membersAdded.Any(m => m.Id != turnContext.Activity.Recipient?.Id);
        if (someoneElse && !await _welcomed.GetAsync(turnContext, () => false, cancellationToken))
        {
            await _welcomed.SetAsync(turnContext, true, cancellationToken);
            await turnContext.SendActivityAsync(
                $"Hi, I'm {options.Value.Name}. Ask me anything about Larkspur CRM, or type \"help\".",
                cancellationToken: cancellationToken);
        }
    }

    protected override async Task OnMessageActivityAsync(ITurnContext<IMessageActivity> turnContext, CancellationToken cancellationToken)
    {
        // Placeholder until the prospect dialogs arrive: an answer that shows the round trip works.
        await _welcomed.SetAsync(turnContext, true, cancellationToken);
        var text = turnContext.Activity.Text?.Trim();
        var reply = string.IsNullOrEmpty(text) ? "I received your message." : $"You said: {text}";
        await turnContext.SendActivityAsync(reply, cancellationToken: cancellationToken);
    }
}
