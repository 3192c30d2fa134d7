using ChatBot.Dialogs.Choices;
using ChatBot.Dialogs.Faq;
using ChatBot.Dialogs.Interruptions;
using ChatBot.Dialogs.Prompts;
using Microsoft.Bot.Builder;

namespace ChatBot.Dialogs.Prospects;

/// <summary>
/// The recognizer was unsure (options: <see cref="ClarifyFaq"/>): "Did you mean one of these?" with its top entries
/// (short titles that send the full question) and "None of these". An entry ends with <see cref="AnswerFaq"/>; "None of these" records the question as
/// unanswered and ends with a route to a coach; anything else ends with <see cref="NewMessage"/>.
/// </summary>
public sealed class ClarifyDialog : ComponentDialog
{
    private const string Waterfall = "clarify";
    private const string Reply = nameof(QuickReplyPrompt);

    private readonly JourneyEvents _events;

    public ClarifyDialog(JourneyEvents events, InterruptionOptions interruptions)
        : base(nameof(ClarifyDialog))
    {
        _events = events;
        AddDialog(new WaterfallDialog(Waterfall, new WaterfallStep[] { AskStepAsync, ReadStepAsync }));
        AddDialog(new QuickReplyPrompt(Reply));
        Interruptions.Add(new JourneyInterruptions(JourneyInterruptions.WithHelp(interruptions, JourneyTexts.QuestionHelp), restartEndsDialog: true));
        InitialDialogId = Waterfall;
    }

    private async Task<DialogTurnResult> AskStepAsync(WaterfallStepContext stepContext, CancellationToken cancellationToken)
    {
        var action = (ClarifyFaq)stepContext.Options!;
        var top = action.Offers[0];
        await _events.FaqClarifiedAsync(stepContext.Context, top.EntryId, top.Score, cancellationToken);
        var choices = action.Offers
            .Select(o => JourneyTexts.QuestionChoice(o.Question, o.Label ?? FaqEntry.ShortTitle(o.Question)))
            .Append(new Choice(JourneyTexts.NoneOfThese))
            .ToList();
        return await stepContext.PromptAsync(Reply, new PromptOptions
        {
            Prompt = MessageFactory.Text(JourneyTexts.DidYouMean),
            Choices = choices,
        }, cancellationToken);
    }

    private async Task<DialogTurnResult> ReadStepAsync(WaterfallStepContext stepContext, CancellationToken cancellationToken)
    {
        var action = (ClarifyFaq)stepContext.Options!;
        if (stepContext.Result is not QuickReply reply)
        {
            return await stepContext.EndDialogAsync(null, cancellationToken);
        }
        if (reply.ChoiceIndex is int index && index < action.Offers.Count)
        {
            var offer = action.Offers[index];
            return await stepContext.EndDialogAsync(new AnswerFaq { EntryId = offer.EntryId, Score = offer.Score }, cancellationToken);
        }
        if (reply.ChoiceIndex == action.Offers.Count || (reply.ChoiceIndex == null && reply.YesNo == false))
        {
            await _events.FaqUnansweredAsync(stepContext.Context, action.Question, cancellationToken);
            return await stepContext.EndDialogAsync(new RouteToCoach
            {
                Intent = JourneyIntents.Advice,
                Reason = "none of the suggested answers fit",
                Say = JourneyTexts.CoachCanHelp,
                AskVisitorType = true,
            }, cancellationToken);
        }
        if (reply.Skip)
        {
            await stepContext.Context.SendActivityAsync(JourneyTexts.AnythingElse(), cancellationToken);
            return await stepContext.EndDialogAsync(null, cancellationToken);
        }
        return await stepContext.EndDialogAsync(new NewMessage(), cancellationToken);
    }
}
