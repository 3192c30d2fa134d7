using System.Text.RegularExpressions;
using ChatBot.Handoff.Requests;
using ChatBot.Options;
using Microsoft.Bot.Builder;
using Microsoft.Bot.Schema;
using Microsoft.Extensions.Options;

namespace ChatBot.Bots;

/// <summary>
/// The activity handler: welcomes each new conversation once, then hands every message to the bot's
/// conversation logic, and saves state once at the end of the turn. Until the prospect dialogs arrive it
/// echoes, hands the visitor to a person when asked, and asks for feedback when the person ends the chat.
/// </summary>
public sealed partial class MainBot(ConversationState conversationState, UserState userState, IOptions<BotOptions> options, IHandoffRequester handoff)
    : ActivityHandler
{
    public const string FeedbackQuestion = "How did we do? Was this chat helpful?";

    private readonly IStatePropertyAccessor<bool> _welcomed = conversationState.CreateProperty<bool>("welcomed");

    [GeneratedRegex(@"\b(person|human|agent|someone|representative)\b", RegexOptions.IgnoreCase)]
    private static partial Regex AsksForPerson();

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
        if (text != null && AsksForPerson().IsMatch(text))
        {
            var team = text.Contains("support", StringComparison.OrdinalIgnoreCase) ? "support" : "sales";
            await handoff.RequestAsync(turnContext, new HandoffRequest { Team = team, Reason = "asked for a person" }, cancellationToken);
            return;
        }
        var reply = string.IsNullOrEmpty(text) ? "I received your message." : $"You said: {text}";
        await turnContext.SendActivityAsync(reply, cancellationToken: cancellationToken);
    }

    protected override async Task OnEventActivityAsync(ITurnContext<IEventActivity> turnContext, CancellationToken cancellationToken)
    {
        // The handoff gives the conversation back: ask for feedback when a person handled it.
        var ended = HandoffEnded.FromActivity(turnContext.Activity);
        if (ended?.CoachHandled == true)
        {
            await turnContext.SendActivityAsync(MessageFactory.SuggestedActions(new[] { "Yes 👍", "No 👎" }, FeedbackQuestion, null, null), cancellationToken);
        }
        else if (ended != null)
        {
            await turnContext.SendActivityAsync("Is there anything else I can help you with?", cancellationToken: cancellationToken);
        }
    }
}
