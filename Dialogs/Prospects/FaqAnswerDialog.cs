using ChatBot.Dialogs.Choices;
using ChatBot.Dialogs.Faq;
using ChatBot.Dialogs.Interruptions;
using ChatBot.Dialogs.Prompts;
using Microsoft.Bot.Builder;

namespace ChatBot.Dialogs.Prospects;

/// <summary>
/// Answers one knowledge-base entry (options: <see cref="AnswerFaq"/>): the Markdown answer, then "Did that answer
/// your question?" with Yes, No and the entry's follow-up questions as buttons (short titles that send the full
/// question). Yes ends with <see cref="AskFeedback"/> (the need is resolved); No offers someone from the entry's
/// team; "not sure" offers the team or the related questions; a follow-up or any other message ends with
/// <see cref="NewMessage"/> so MainDialog classifies it like any message. The same entry asked again right after its
/// answer is not repeated: the team is offered instead.
/// </summary>
public sealed class FaqAnswerDialog : ComponentDialog
{
    private const string Waterfall = "faqAnswer";
    private const string Reply = nameof(QuickReplyPrompt);
    private const string EntryKey = "entryId";
    private const string OfferedKey = "offered";

    private readonly IFaqRecognizer _faq;
    private readonly JourneyAnswers _answers;

    public FaqAnswerDialog(IFaqRecognizer faq, JourneyAnswers answers, InterruptionOptions interruptions)
        : base(nameof(FaqAnswerDialog))
    {
        _faq = faq;
        _answers = answers;
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
        if (await _answers.JustSentAsync(stepContext.Context, entry.Id, cancellationToken))
        {
            // Asked again at once: the answer did not do it, and sending it twice would not either.
            stepContext.Values[OfferedKey] = true;
            return await OfferAsync(stepContext, JourneyTexts.AskedAgain(TeamOf(entry)), [], cancellationToken);
        }
        await _answers.SendAsync(stepContext.Context, entry, action.Score, cancellationToken);

        var choices = new List<Choice> { new(JourneyTexts.Yes), new(JourneyTexts.No) };
        choices.AddRange(FollowUps(entry));
        return await stepContext.PromptAsync(Reply, new PromptOptions
        {
            Prompt = MessageFactory.Text(JourneyTexts.DidThatAnswer),
            Choices = choices,
        }, cancellationToken);
    }

    private async Task<DialogTurnResult> ReadReplyStepAsync(WaterfallStepContext stepContext, CancellationToken cancellationToken)
    {
        if (stepContext.Values.ContainsKey(OfferedKey))
        {
            // The answer step already offered the team: this is the answer to that.
            return await stepContext.NextAsync(stepContext.Result, cancellationToken);
        }
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
        var entry = _faq.FindEntry((string)stepContext.Values[EntryKey]);
        if (yes == null && reply.ChoiceIndex == null && ReplyReader.IsUnsure(reply.Text))
        {
            // "idk": the question is still open; offer the team and the related questions.
            var related = entry == null ? [] : FollowUps(entry);
            return await OfferAsync(stepContext, JourneyTexts.NotSure(TeamOf(entry), related.Count > 0), related, cancellationToken);
        }
        if (yes == null)
        {
            return await stepContext.EndDialogAsync(new NewMessage(), cancellationToken);
        }
        return await OfferAsync(stepContext, JourneyTexts.OfferCoach(TeamOf(entry)), [], cancellationToken);
    }

    private async Task<DialogTurnResult> ReadOfferStepAsync(WaterfallStepContext stepContext, CancellationToken cancellationToken)
    {
        if (stepContext.Result is not QuickReply reply)
        {
            return await stepContext.EndDialogAsync(null, cancellationToken);
        }
        var yes = reply.ChoiceIndex switch
        {
            0 => true,
            1 => false,
            // A related question: a new message for MainDialog.
            null => reply.Skip ? false : reply.YesNo,
            _ => null,
        };
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
            Reason = $"the answer to \"{entry?.CanonicalQuestion ?? stepContext.Values[EntryKey]}\" did not help",
        }, cancellationToken);
    }

    /// <summary>"Would you like to talk to someone?": Yes, please / No, thanks, then any related questions.</summary>
    private static Task<DialogTurnResult> OfferAsync(WaterfallStepContext stepContext, string text, IReadOnlyList<Choice> related, CancellationToken cancellationToken)
    {
        var choices = new List<Choice> { new(JourneyTexts.YesPlease), new(JourneyTexts.NoThanks) };
        choices.AddRange(related);
        return stepContext.PromptAsync(Reply, new PromptOptions { Prompt = MessageFactory.Text(text), Choices = choices }, cancellationToken);
    }

    private List<Choice> FollowUps(FaqEntry entry) =>
        entry.FollowUps.Select(_faq.FindEntry).OfType<FaqEntry>().Select(JourneyTexts.QuestionChoice).ToList();

    private static string TeamOf(FaqEntry? entry) =>
        entry?.Team is JourneyTeams.Sales or JourneyTeams.Support ? entry.Team : JourneyTeams.Support;
}
