using ChatBot.Dialogs.Choices;
using ChatBot.Dialogs.Interruptions;
using ChatBot.Dialogs.Prompts;
using Microsoft.Bot.Builder;

namespace ChatBot.Dialogs.Prospects;

/// <summary>
/// The CSAT question (options: <see cref="AskFeedback"/>), at most once per conversation about the bot and once
/// after a coach's chat: 👍/👎 buttons, however the
/// answer comes ("yes, thanks", "not really", an emoji), then an optional comment that "skip" passes. csat.given is
/// recorded on the thumbs answer, with whether a coach handled the chat. A reply that is neither (a new question)
/// ends with <see cref="NewMessage"/>: the visitor is not asked again. At the comment step a question or small talk
/// is not a comment either: it ends the feedback and is handled as a new message. A comment is kept with the
/// conversation (its transcript, and <see cref="ConversationFlags.FeedbackComment"/>), never in an outcome event.
/// </summary>
public sealed class FeedbackDialog : ComponentDialog
{
    /// <summary>The question, also what tests look for.</summary>
    public const string Question = JourneyTexts.FeedbackQuestion;

    private const string Waterfall = "feedback";
    private const string Reply = nameof(QuickReplyPrompt);
    private const int MaxCommentLength = 2_000;

    private readonly JourneyState _state;
    private readonly JourneyEvents _events;

    public FeedbackDialog(JourneyState state, JourneyEvents events, InterruptionOptions interruptions)
        : base(nameof(FeedbackDialog))
    {
        _state = state;
        _events = events;
        AddDialog(new WaterfallDialog(Waterfall, new WaterfallStep[] { AskStepAsync, RatingStepAsync, CommentStepAsync }));
        AddDialog(new QuickReplyPrompt(Reply));
        Interruptions.Add(new JourneyInterruptions(JourneyInterruptions.WithHelp(interruptions, JourneyTexts.QuestionHelp), restartEndsDialog: true));
        InitialDialogId = Waterfall;
    }

    private async Task<DialogTurnResult> AskStepAsync(WaterfallStepContext stepContext, CancellationToken cancellationToken)
    {
        var flags = await _state.GetFlagsAsync(stepContext.Context, cancellationToken);
        if (((AskFeedback)stepContext.Options!).CoachHandled)
        {
            flags.CoachFeedbackAsked = true;
        }
        else
        {
            flags.FeedbackAsked = true;
        }
        return await stepContext.PromptAsync(Reply, new PromptOptions
        {
            Prompt = MessageFactory.Text(Question),
            Choices = new List<Choice> { new(JourneyTexts.ThumbsUp), new(JourneyTexts.ThumbsDown) },
        }, cancellationToken);
    }

    private async Task<DialogTurnResult> RatingStepAsync(WaterfallStepContext stepContext, CancellationToken cancellationToken)
    {
        if (stepContext.Result is not QuickReply reply)
        {
            return await stepContext.EndDialogAsync(null, cancellationToken);
        }
        var positive = reply.ChoiceIndex switch { 0 => true, 1 => false, _ => reply.Skip ? null : reply.YesNo };
        if (positive == null)
        {
            if (reply.Skip)
            {
                await stepContext.Context.SendActivityAsync(JourneyTexts.FeedbackSkipped, cancellationToken: cancellationToken);
                return await stepContext.EndDialogAsync(null, cancellationToken);
            }
            return await stepContext.EndDialogAsync(new NewMessage(), cancellationToken);
        }

        var action = (AskFeedback)stepContext.Options!;
        var flags = await _state.GetFlagsAsync(stepContext.Context, cancellationToken);
        flags.FeedbackPositive = positive;
        await _events.CsatGivenAsync(stepContext.Context, positive.Value, action.CoachHandled, cancellationToken);
        return await stepContext.PromptAsync(Reply, new PromptOptions
        {
            Prompt = MessageFactory.Text(positive.Value ? JourneyTexts.FeedbackPositiveComment : JourneyTexts.FeedbackNegativeComment),
            Choices = new List<Choice> { new(JourneyTexts.Skip) },
        }, cancellationToken);
    }

    private async Task<DialogTurnResult> CommentStepAsync(WaterfallStepContext stepContext, CancellationToken cancellationToken)
    {
        if (stepContext.Result is not QuickReply reply || reply.ChoiceIndex == 0 || reply.Skip || reply.YesNo == false && reply.Text.Length <= 12)
        {
            await stepContext.Context.SendActivityAsync(JourneyTexts.FeedbackThanks, cancellationToken: cancellationToken);
            return await stepContext.EndDialogAsync(null, cancellationToken);
        }
        if (MessageSignals.IsQuestion(reply.Text) || MessageSignals.SmallTalkOf(reply.Text) != MessageSignals.SmallTalk.None)
        {
            // "How do I add a user?" or "thanks, bye" is not a comment: the feedback ends without one and the
            // message is handled as any other, in this turn.
            return await stepContext.EndDialogAsync(new NewMessage(), cancellationToken);
        }
        var flags = await _state.GetFlagsAsync(stepContext.Context, cancellationToken);
        flags.FeedbackComment = reply.Text.Length > MaxCommentLength ? reply.Text[..MaxCommentLength] : reply.Text;
        await stepContext.Context.SendActivityAsync(JourneyTexts.FeedbackCommentThanks, cancellationToken: cancellationToken);
        return await stepContext.EndDialogAsync(null, cancellationToken);
    }
}
