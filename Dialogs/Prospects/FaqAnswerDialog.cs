using ChatBot.Dialogs.Choices;
using ChatBot.Dialogs.Faq;
using ChatBot.Dialogs.Interruptions;
using ChatBot.Dialogs.Prompts;
using Microsoft.Bot.Builder;

namespace ChatBot.Dialogs.Prospects;

/// <summary>
/// Answers one knowledge-base entry (options: <see cref="AnswerFaq"/>): the Markdown answer, then "Did that answer
/// your question?" with Yes, No and the entry's follow-up questions as buttons. Yes ends with
/// <see cref="AskFeedback"/> (the need is resolved); No offers someone from the entry's team; a follow-up or any
/// other message ends with <see cref="NewMessage"/> so MainDialog classifies it like any message.
/// </summary>
public sealed class FaqAnswerDialog : ComponentDialog
{
    private const string Waterfall = "faqAnswer";
    private const string Reply = nameof(QuickReplyPrompt);
    private const string EntryKey = "entryId";

    private readonly IFaqRecognizer _faq;
    private readonly JourneyEvents _events;

    public FaqAnswerDialog(IFaqRecognizer faq, JourneyEvents events, InterruptionOptions interruptions)
        : base(nameof(FaqAnswerDialog))
    {
        _faq = faq;
        _events = events;
        AddDialog(new WaterfallDialog(Waterfall, new WaterfallStep[] { AnswerStepAsync, ReadReplyStepAsync, ReadOfferStepAsync }));
        AddDialog(new QuickReplyPrompt(Reply));
        Interruptions.Add(new JourneyInterruptions(JourneyInterruptions.WithHelp(interruptions, JourneyTexts.QuestionHelp), restartEndsDialog: true));
        InitialDialogId = Waterfall;
    }

    private async Task<DialogTurnResult> AnswerStepAsync(WaterfallStepContext stepContext, CancellationToken cancellationToken)
    {
        var action = (AnswerFaq)stepContext.Options!;
        var entry = _faq.FindEntry(action.EntryId);
        if (entry == null)
        {
            // The knowledge base was reloaded without it: treat the message as new.
            return await stepContext.EndDialogAsync(new NewMessage(), cancellationToken);
        }
        stepContext.Values[EntryKey] = entry.Id;
        await stepContext.Context.SendActivityAsync(JourneyTexts.Answer(entry.Answer), cancellationToken);
        await _events.FaqAnsweredAsync(stepContext.Context, entry.Id, action.Score, cancellationToken);

        var choices = new List<Choice> { new(JourneyTexts.Yes), new(JourneyTexts.No) };
        choices.AddRange(entry.FollowUps
            .Select(_faq.FindEntry)
            .Select(e => e?.Questions.FirstOrDefault())
            .OfType<string>()
            .Select(q => new Choice(q)));
        return await stepContext.PromptAsync(Reply, new PromptOptions
        {
            Prompt = MessageFactory.Text(JourneyTexts.DidThatAnswer),
            Choices = choices,
        }, cancellationToken);
    }

    private async Task<DialogTurnResult> ReadReplyStepAsync(WaterfallStepContext stepContext, CancellationToken cancellationToken)
    {
        if (stepContext.Result is not QuickReply reply)
        {
            return await stepContext.EndDialogAsync(null, cancellationToken);
        }
        var yes = reply.ChoiceIndex switch
        {
            0 => true,
            1 => false,
            null => reply.YesNo,
            // A follow-up question: a new message for MainDialog.
            _ => null,
        };
        if (yes == true)
        {
            return await stepContext.EndDialogAsync(new AskFeedback { CoachHandled = false }, cancellationToken);
        }
        if (yes == null && reply.Skip)
        {
            await stepContext.Context.SendActivityAsync(JourneyTexts.AnythingElse(), cancellationToken);
            return await stepContext.EndDialogAsync(null, cancellationToken);
        }
        if (yes == null)
        {
            return await stepContext.EndDialogAsync(new NewMessage(), cancellationToken);
        }
        var entry = _faq.FindEntry((string)stepContext.Values[EntryKey]);
        return await stepContext.PromptAsync(Reply, new PromptOptions
        {
            Prompt = MessageFactory.Text(JourneyTexts.OfferCoach(TeamOf(entry))),
            Choices = new List<Choice> { new(JourneyTexts.YesPlease), new(JourneyTexts.NoThanks) },
        }, cancellationToken);
    }

    private async Task<DialogTurnResult> ReadOfferStepAsync(WaterfallStepContext stepContext, CancellationToken cancellationToken)
    {
        if (stepContext.Result is not QuickReply reply)
        {
            return await stepContext.EndDialogAsync(null, cancellationToken);
        }
        var yes = reply.ChoiceIndex switch { 0 => true, 1 => false, _ => reply.Skip ? false : reply.YesNo };
        if (yes == null)
        {
            return await stepContext.EndDialogAsync(new NewMessage(), cancellationToken);
        }
        if (yes == false)
        {
            await stepContext.Context.SendActivityAsync(JourneyTexts.TryAgain, cancellationToken: cancellationToken);
            return await stepContext.EndDialogAsync(null, cancellationToken);
        }
        var entry = _faq.FindEntry((string)stepContext.Values[EntryKey]);
        return await stepContext.EndDialogAsync(new RouteToCoach
        {
            Team = TeamOf(entry),
            Intent = JourneyIntents.Question,
            Reason = $"the answer to \"{entry?.Questions.FirstOrDefault() ?? stepContext.Values[EntryKey]}\" did not help",
        }, cancellationToken);
    }

    private static string TeamOf(FaqEntry? entry) =>
        entry?.Team is JourneyTeams.Sales or JourneyTeams.Support ? entry.Team : JourneyTeams.Support;
}
