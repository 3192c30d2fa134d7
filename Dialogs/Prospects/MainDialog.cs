using ChatBot.Dialogs.Faq;
using ChatBot.Dialogs.Interruptions;
using ChatBot.Dialogs.Recognizers;
using ChatBot.Handoff.Requests;
using Microsoft.Bot.Builder;
using Microsoft.Bot.Schema;
using Microsoft.Extensions.Options;

namespace ChatBot.Dialogs.Prospects;

/// <summary>
/// The root of the prospect journey. It starts on a visitor message (or on the handoff.ended of a chat a coach
/// handled), classifies the message and begins the child dialog for it; each child ends with the next
/// <see cref="JourneyAction"/>, which the root carries out by restarting its waterfall with it, until the need is met
/// or the visitor is routed. Classification, in order: a request for a human (the engine's handoff phrases); small
/// talk and "help"/"start over"; one FAQ match (about 5 ms, never twice for a message): a confident answer, unless
/// the message shows buying intent and the answer is not the sales team's; buying intent (pricing, plans, demo,
/// purchase) leads non-customers into qualification, after the documented price list for price questions (and a
/// worked estimate when the plan and the size are known); a visitor qualified before is not asked again but sent to
/// sales, or offered sales when a handoff was already requested in this conversation; an unsure match gets "did you
/// mean"; the rest is nuanced and goes to a coach (support for free users and customers, sales for prospects),
/// after one visitor-type question when the type is unknown.
/// </summary>
public sealed class MainDialog : ComponentDialog
{
    private const string Waterfall = "journey";

    /// <summary>"Did you mean" offers entries within this much confidence of the top one (at most three).</summary>
    public const double ClarifyWindow = 0.2;

    private readonly IFaqRecognizer _faq;
    private readonly JourneyState _state;
    private readonly JourneyEvents _events;
    private readonly JourneyRouter _router;
    private readonly JourneyAnswers _answers;
    private readonly StandardInterruptions _phrases;
    private readonly QualificationOptions _qualification;
    private readonly FaqOptions _faqOptions;

    public MainDialog(
        IFaqRecognizer faq,
        JourneyState state,
        JourneyEvents events,
        JourneyRouter router,
        JourneyAnswers answers,
        InterruptionOptions interruptions,
        IOptions<QualificationOptions> qualification,
        IOptions<FaqOptions> faqOptions,
        FaqAnswerDialog faqAnswerDialog,
        ClarifyDialog clarifyDialog,
        QualificationDialog qualificationDialog,
        VisitorTypeDialog visitorTypeDialog,
        FeedbackDialog feedbackDialog)
        : base(nameof(MainDialog))
    {
        _faq = faq;
        _state = state;
        _events = events;
        _router = router;
        _answers = answers;
        _phrases = new StandardInterruptions(interruptions);
        _qualification = qualification.Value;
        _faqOptions = faqOptions.Value;
        AddDialog(new WaterfallDialog(Waterfall, new WaterfallStep[] { DispatchStepAsync, NextActionStepAsync }));
        AddDialog(faqAnswerDialog);
        AddDialog(clarifyDialog);
        AddDialog(qualificationDialog);
        AddDialog(visitorTypeDialog);
        AddDialog(feedbackDialog);
        InitialDialogId = Waterfall;
    }

    private async Task<DialogTurnResult> DispatchStepAsync(WaterfallStepContext stepContext, CancellationToken cancellationToken)
    {
        var action = stepContext.Options as JourneyAction
            ?? (HandoffEnded.FromActivity(stepContext.Context.Activity) is { CoachHandled: true }
                ? new AskFeedback { CoachHandled = true }
                : new NewMessage());
        switch (action)
        {
            case NewMessage:
                return await ClassifyAsync(stepContext, cancellationToken);
            case StartOver:
                await stepContext.Context.SendActivityAsync(JourneyTexts.StartAgain(), cancellationToken);
                return await stepContext.EndDialogAsync(null, cancellationToken);
            case AnswerFaq answer:
                return await stepContext.BeginDialogAsync(nameof(FaqAnswerDialog), answer, cancellationToken);
            case ClarifyFaq clarify:
                return await stepContext.BeginDialogAsync(nameof(ClarifyDialog), clarify, cancellationToken);
            case Qualify qualify:
                return await QualifyAsync(stepContext, qualify, cancellationToken);
            case RouteToCoach route:
                return await RouteAsync(stepContext, route, cancellationToken);
            case SelfServe selfServe:
                await _router.ToSelfServeAsync(stepContext.Context, await Profile(stepContext, cancellationToken), selfServe, cancellationToken);
                return await stepContext.EndDialogAsync(null, cancellationToken);
            case AskFeedback feedback:
                return await FeedbackAsync(stepContext, feedback, cancellationToken);
            default:
                return await stepContext.EndDialogAsync(null, cancellationToken);
        }
    }

    /// <summary>A child ended: carry on with what it handed over, or end the journey for this need.</summary>
    private async Task<DialogTurnResult> NextActionStepAsync(WaterfallStepContext stepContext, CancellationToken cancellationToken)
    {
        JourneyAction? next = stepContext.Result switch
        {
            JourneyAction action => action,
            // "talk to a person" in any child (the engine's interruption).
            HandoffRequested => new RouteToCoach(),
            QualificationResult { Qualified: true } result => new RouteToCoach
            {
                Team = JourneyTeams.Sales,
                Intent = result.Intent,
                Reason = "sales-qualified",
                Summary = result.Summary,
                // "That's all I need" only when something was asked just now.
                Say = result.Asked ? JourneyTexts.Qualified : JourneyTexts.AlreadyQualified(result.Intent),
                Qualified = true,
                AssumedVisitorType = result.VisitorType,
            },
            QualificationResult result => new SelfServe { Intent = result.Intent, AssumedVisitorType = result.VisitorType, Asked = result.Asked },
            _ => null,
        };
        return next == null
            ? await stepContext.EndDialogAsync(null, cancellationToken)
            : await stepContext.ReplaceDialogAsync(Waterfall, next, cancellationToken);
    }

    private async Task<DialogTurnResult> ClassifyAsync(WaterfallStepContext stepContext, CancellationToken cancellationToken)
    {
        var turn = stepContext.Context;
        if (turn.Activity.Type != ActivityTypes.Message)
        {
            return await stepContext.EndDialogAsync(null, cancellationToken);
        }
        var text = turn.Activity.Text?.Trim();
        if (string.IsNullOrEmpty(text))
        {
            await turn.SendActivityAsync(JourneyTexts.TextOnly, cancellationToken: cancellationToken);
            return await stepContext.EndDialogAsync(null, cancellationToken);
        }
        var profile = await Profile(stepContext, cancellationToken);
        var visitorType = profile.VisitorType;

        // 1. A person, before anything else.
        if (_phrases.IsHandoffRequest(text))
        {
            await _events.VisitorClassifiedAsync(turn, visitorType, JourneyIntents.Person, cancellationToken);
            return await RouteAsync(stepContext, new RouteToCoach { Team = TeamNamedIn(text) }, cancellationToken);
        }
        // The "Book a demo with sales" button: a person for a demo, whatever the qualification said.
        if (string.Equals(TextNormalizer.Normalize(text), TextNormalizer.Normalize(JourneyTexts.BookDemoWithSales), StringComparison.Ordinal))
        {
            await _events.VisitorClassifiedAsync(turn, visitorType, JourneyIntents.Demo, cancellationToken);
            return await RouteAsync(stepContext, new RouteToCoach
            {
                Team = JourneyTeams.Sales,
                Intent = JourneyIntents.Demo,
                Reason = "asked for a demo",
                AssumedVisitorType = VisitorTypes.Prospect,
            }, cancellationToken);
        }
        if (await ConversationalAsync(turn, text, visitorType, cancellationToken))
        {
            return await stepContext.EndDialogAsync(null, cancellationToken);
        }

        // 2. The knowledge base: one match for this message.
        var result = await _faq.MatchAsync(text, 3, cancellationToken);
        var buying = visitorType == VisitorTypes.Customer ? null : MessageSignals.BuyingIntent(text);
        var top = result.Top;
        if (result.Decision == FaqDecision.Answer && top != null)
        {
            if (buying != null && top.Team == JourneyTeams.Sales)
            {
                await _events.VisitorClassifiedAsync(turn, visitorType, buying, cancellationToken);
                return await QualifyAsync(stepContext, NewQualify(text, buying, top.EntryId, top.Confidence), cancellationToken);
            }
            // The knowledge base has no demo entry: its "demo" phrasings are about a user's own demo meetings.
            if (buying != JourneyIntents.Demo)
            {
                await _events.VisitorClassifiedAsync(turn, visitorType, JourneyIntents.Question, cancellationToken);
                return await stepContext.BeginDialogAsync(nameof(FaqAnswerDialog), new AnswerFaq { EntryId = top.EntryId, Score = top.Confidence }, cancellationToken);
            }
        }

        // 3. Buying intent: qualification, with the documented prices first for a price question.
        if (buying != null)
        {
            await _events.VisitorClassifiedAsync(turn, visitorType, buying, cancellationToken);
            var (entryId, score) = buying == JourneyIntents.Demo ? (null, null) : PricingAnswer(result);
            return await QualifyAsync(stepContext, NewQualify(text, buying, entryId, score), cancellationToken);
        }

        // 4. Unsure: "did you mean".
        if (result.Decision == FaqDecision.Clarify && top != null)
        {
            await _events.VisitorClassifiedAsync(turn, visitorType, JourneyIntents.Unclear, cancellationToken);
            var offers = result.Candidates
                .Where(c => c.Confidence >= Math.Max(_faqOptions.ClarifyFloor, top.Confidence - ClarifyWindow))
                .Take(3)
                .Select(c => new FaqOffer
                {
                    EntryId = c.EntryId,
                    Question = c.CanonicalQuestion,
                    Label = _faq.FindEntry(c.EntryId)?.ButtonTitle ?? FaqEntry.ShortTitle(c.CanonicalQuestion),
                    Score = c.Confidence,
                })
                .ToList();
            return await stepContext.BeginDialogAsync(nameof(ClarifyDialog), new ClarifyFaq { Question = text, Offers = offers }, cancellationToken);
        }

        // 5. Nuanced: a coach can help. Two words of nothing in particular are not worth a coach's time yet.
        if (MessageSignals.IsTooShortToRoute(text))
        {
            await _events.VisitorClassifiedAsync(turn, visitorType, JourneyIntents.Conversation, cancellationToken);
            await turn.SendActivityAsync(JourneyTexts.NotUnderstood(), cancellationToken);
            return await stepContext.EndDialogAsync(null, cancellationToken);
        }
        await _events.VisitorClassifiedAsync(turn, visitorType, JourneyIntents.Advice, cancellationToken);
        await _events.FaqUnansweredAsync(turn, text, cancellationToken);
        return await RouteAsync(stepContext, new RouteToCoach
        {
            Intent = JourneyIntents.Advice,
            Reason = "a question the knowledge base doesn't answer",
            Say = JourneyTexts.CoachCanHelp,
            AskVisitorType = true,
        }, cancellationToken);
    }

    /// <summary>"help", "start over", greetings, thanks, goodbyes, "I have a question": answered without the knowledge base.</summary>
    private async Task<bool> ConversationalAsync(ITurnContext turn, string text, string? visitorType, CancellationToken cancellationToken)
    {
        IMessageActivity? reply = null;
        if (_phrases.IsRestartRequest(text))
        {
            await turn.SendActivityAsync(JourneyTexts.RestartText, cancellationToken: cancellationToken);
            reply = JourneyTexts.StartAgain();
        }
        else if (_phrases.IsHelpRequest(text))
        {
            reply = JourneyTexts.Help();
        }
        else
        {
            reply = MessageSignals.SmallTalkOf(text) switch
            {
                MessageSignals.SmallTalk.Greeting => JourneyTexts.Hello(),
                MessageSignals.SmallTalk.Thanks => MessageFactory.Text(JourneyTexts.YoureWelcome),
                MessageSignals.SmallTalk.Goodbye => MessageFactory.Text(JourneyTexts.Goodbye),
                MessageSignals.SmallTalk.WantsToAsk => MessageFactory.Text(JourneyTexts.AskAway),
                MessageSignals.SmallTalk.Acknowledgement => MessageFactory.Text(JourneyTexts.Acknowledged),
                _ => null,
            };
        }
        if (reply == null)
        {
            return false;
        }
        await _events.VisitorClassifiedAsync(turn, visitorType, JourneyIntents.Conversation, cancellationToken);
        await turn.SendActivityAsync(reply, cancellationToken);
        return true;
    }

    private Qualify NewQualify(string text, string intent, string? answerFirst, double? score) => new()
    {
        Intent = intent,
        AnswerFirstEntryId = answerFirst,
        AnswerFirstScore = score,
        CompanySize = MessageSignals.CompanySize(text, _qualification.MaxCompanySize),
        Plan = PlanPrices.NamedIn(text, Prices())?.Plan,
    };

    /// <summary>The per-seat prices of the documented price list (one place: the knowledge base).</summary>
    private IReadOnlyList<PlanPrice> Prices() =>
        string.IsNullOrWhiteSpace(_qualification.PricingEntryId) ? [] : PlanPrices.Read(_faq.FindEntry(_qualification.PricingEntryId)?.Answer);

    /// <summary>The configured price-list entry, with its confidence when the recognizer ranked it for this message.</summary>
    private (string? EntryId, double? Score) PricingAnswer(FaqResult result)
    {
        var id = _qualification.PricingEntryId;
        if (string.IsNullOrWhiteSpace(id) || _faq.FindEntry(id) == null)
        {
            return (null, null);
        }
        return (id, result.Candidates.FirstOrDefault(c => c.EntryId == id)?.Confidence);
    }

    private async Task<DialogTurnResult> QualifyAsync(WaterfallStepContext stepContext, Qualify qualify, CancellationToken cancellationToken)
    {
        var turn = stepContext.Context;
        var profile = await Profile(stepContext, cancellationToken);
        await AnswerFirstAsync(turn, qualify, profile, cancellationToken);
        if (profile.Qualified is not bool qualified)
        {
            return await stepContext.BeginDialogAsync(nameof(QualificationDialog), qualify, cancellationToken);
        }

        // Qualified before: nothing is asked or scored again.
        var flags = await _state.GetFlagsAsync(turn, cancellationToken);
        if (qualified && !flags.HandoffTeams.Contains(JourneyTeams.Sales))
        {
            return await RouteAsync(stepContext, new RouteToCoach
            {
                Team = JourneyTeams.Sales,
                Intent = qualify.Intent,
                Reason = "sales-qualified earlier",
                Summary = QualificationScorer.Summary(profile, qualify.Intent, _qualification),
                Say = JourneyTexts.AlreadyQualified(qualify.Intent),
                Qualified = true,
                AssumedVisitorType = VisitorTypes.Prospect,
            }, cancellationToken);
        }
        // Sales already heard from them in this conversation, or they did not qualify: offered, not queued again.
        await turn.SendActivityAsync(JourneyTexts.OfferSales(qualify.Intent), cancellationToken);
        return await stepContext.EndDialogAsync(null, cancellationToken);
    }

    /// <summary>
    /// The documented answer before anything else (not again if it was just given), then the salesperson's sum when
    /// the visitor named a plan and the size is known.
    /// </summary>
    private async Task AnswerFirstAsync(ITurnContext turn, Qualify qualify, VisitorProfile profile, CancellationToken cancellationToken)
    {
        var entry = qualify.AnswerFirstEntryId is string id ? _faq.FindEntry(id) : null;
        qualify.AnswerFirstEntryId = null;
        var repeated = entry != null && await _answers.JustSentAsync(turn, entry.Id, cancellationToken);
        if (entry != null && !repeated)
        {
            await _answers.SendAsync(turn, entry, qualify.AnswerFirstScore, cancellationToken);
        }
        var plan = qualify.Intent == JourneyIntents.Demo || qualify.Plan == null
            ? null
            : Prices().FirstOrDefault(p => p.Plan == qualify.Plan);
        if (plan != null && (qualify.CompanySize ?? profile.CompanySize) is int size)
        {
            await turn.SendActivityAsync(JourneyTexts.Estimate(plan, size), cancellationToken: cancellationToken);
        }
        else if (repeated)
        {
            await turn.SendActivityAsync(JourneyTexts.JustAnswered, cancellationToken: cancellationToken);
        }
    }

    private async Task<DialogTurnResult> RouteAsync(WaterfallStepContext stepContext, RouteToCoach route, CancellationToken cancellationToken)
    {
        var profile = await Profile(stepContext, cancellationToken);
        if (route is { AskVisitorType: true, Team: null } && profile.VisitorType == null)
        {
            if (route.Say != null)
            {
                await stepContext.Context.SendActivityAsync(route.Say, cancellationToken: cancellationToken);
                route.Say = null;
            }
            return await stepContext.BeginDialogAsync(nameof(VisitorTypeDialog), route, cancellationToken);
        }
        // From here the handoff speaks (queue position, or why nobody can come) and owns the conversation.
        await _router.ToCoachAsync(stepContext.Context, profile, route, cancellationToken);
        return await stepContext.EndDialogAsync(null, cancellationToken);
    }

    private async Task<DialogTurnResult> FeedbackAsync(WaterfallStepContext stepContext, AskFeedback feedback, CancellationToken cancellationToken)
    {
        var flags = await _state.GetFlagsAsync(stepContext.Context, cancellationToken);
        // A coach's chat is rated once whatever came before; the bot is not asked after any rating (no nagging).
        if (feedback.CoachHandled ? !flags.CoachFeedbackAsked : !flags.FeedbackAsked && !flags.CoachFeedbackAsked)
        {
            return await stepContext.BeginDialogAsync(nameof(FeedbackDialog), feedback, cancellationToken);
        }
        await stepContext.Context.SendActivityAsync(
            feedback.CoachHandled ? JourneyTexts.AnythingElse() : MessageFactory.Text(JourneyTexts.GladItHelped), cancellationToken);
        return await stepContext.EndDialogAsync(null, cancellationToken);
    }

    private Task<VisitorProfile> Profile(WaterfallStepContext stepContext, CancellationToken cancellationToken) =>
        _state.GetProfileAsync(stepContext.Context, cancellationToken);

    private static string? TeamNamedIn(string text)
    {
        var words = TextNormalizer.Tokens(text);
        return words.Contains("support") ? JourneyTeams.Support : words.Contains("sales") ? JourneyTeams.Sales : null;
    }
}
