using System.Globalization;
using System.Text.RegularExpressions;
using ChatBot.Dialogs.Choices;
using ChatBot.Dialogs.Faq;
using ChatBot.Dialogs.Interruptions;
using ChatBot.Dialogs.Prompts;
using ChatBot.Dialogs.Recognizers;
using Microsoft.Bot.Builder;
using Microsoft.Bot.Schema;
using Microsoft.Extensions.Options;

namespace ChatBot.Dialogs.Prospects;

/// <summary>
/// The qualification waterfall (options: <see cref="Qualify"/>): role, company size, main use case, timeline, work
/// email, consent to be contacted. Questions the profile already answers are skipped, "skip" passes on any question,
/// and a question not understood twice is left out. At the end the answers go to the profile, the score of
/// <see cref="QualificationScorer"/> decides, qualification.completed is recorded, and the dialog ends with a
/// <see cref="QualificationResult"/>. "start over" restarts the questions, "help" explains and asks again.
/// What is not an answer is handled before the question sees it (<see cref="OnInterruptAsync"/>): a question of the
/// visitor's own is answered from the knowledge base (or kept for the coach) and the pending question asked again,
/// a head count said in passing fills an unknown size, and a new email at the consent question replaces the old one.
/// </summary>
public sealed partial class QualificationDialog : ComponentDialog
{
    private const string Waterfall = "qualification";
    private const string ChoiceQuestion = "qualificationChoice";
    private const string SizeQuestion = "qualificationSize";
    private const string EmailQuestion = "qualificationEmail";
    private const string ConsentQuestion = "qualificationConsent";
    private const string AnswersKey = "answers";
    private const int Attempts = 2;

    private readonly JourneyState _state;
    private readonly JourneyEvents _events;
    private readonly JourneyAnswers _answers;
    private readonly IFaqRecognizer _faq;
    private readonly QualificationOptions _options;

    public QualificationDialog(
        JourneyState state,
        JourneyEvents events,
        JourneyAnswers answers,
        IFaqRecognizer faq,
        IOptions<QualificationOptions> options,
        InterruptionOptions interruptions)
        : base(nameof(QualificationDialog))
    {
        _state = state;
        _events = events;
        _answers = answers;
        _faq = faq;
        _options = options.Value;
        AddDialog(new WaterfallDialog(Waterfall, new WaterfallStep[]
        {
            RoleStepAsync,
            SizeStepAsync,
            UseCaseStepAsync,
            TimelineStepAsync,
            EmailStepAsync,
            ConsentStepAsync,
            ScoreStepAsync,
        }));
        AddDialog(new ChoicePrompt(ChoiceQuestion, ChoiceOrSkipAsync));
        AddDialog(new NumberPrompt(SizeQuestion, SizeOrSkipAsync));
        AddDialog(new EmailPrompt(EmailQuestion, EmailOrSkipAsync));
        AddDialog(new ConfirmPrompt(ConsentQuestion, ConsentOrSkipAsync));
        Interruptions.Add(new JourneyInterruptions(JourneyInterruptions.WithHelp(interruptions, JourneyTexts.QualificationHelp), restartEndsDialog: false));
        InitialDialogId = Waterfall;
    }

    private async Task<DialogTurnResult> RoleStepAsync(WaterfallStepContext stepContext, CancellationToken cancellationToken)
    {
        var qualify = (Qualify)stepContext.Options!;
        var answers = QualificationAnswers.From(await _state.GetProfileAsync(stepContext.Context, cancellationToken));
        if (qualify.CompanySize is int said)
        {
            // What the visitor just said beats what an earlier conversation stored.
            answers.CompanySize = said;
            answers.CompanySizeSaid = said.ToString(CultureInfo.InvariantCulture);
        }
        stepContext.Values[AnswersKey] = answers;

        var anythingToAsk = answers.Role == null || answers.CompanySize == null || answers.UseCase == null
            || answers.Timeline == null || answers.Email == null || answers.ContactConsent == null;
        if (anythingToAsk)
        {
            await stepContext.Context.SendActivityAsync(JourneyTexts.QualificationIntro(qualify.Intent, qualify.CompanySize), cancellationToken: cancellationToken);
        }
        return answers.Role != null
            ? await stepContext.NextAsync(null, cancellationToken)
            : await AskChoiceAsync(stepContext, JourneyTexts.RoleQuestion, _options.Roles, cancellationToken);
    }

    private async Task<DialogTurnResult> SizeStepAsync(WaterfallStepContext stepContext, CancellationToken cancellationToken)
    {
        var answers = Answers(stepContext);
        answers.Role = await ChoiceAnswerAsync(stepContext, cancellationToken) ?? answers.Role;
        if (answers.CompanySize != null)
        {
            return await stepContext.NextAsync(null, cancellationToken);
        }
        var prompt = JourneyTexts.WithSuggestions(JourneyTexts.SizeQuestion, _options.CompanySizes.Select(b => b.Label));
        return await AskAsync(stepContext, SizeQuestion, new PromptOptions
        {
            Prompt = prompt,
            RetryPrompt = JourneyTexts.WithSuggestions(SizeRetryText(), _options.CompanySizes.Select(b => b.Label)),
            Validations = _options.MaxCompanySize,
            MaxAttempts = Attempts,
        }, cancellationToken);
    }

    private async Task<DialogTurnResult> UseCaseStepAsync(WaterfallStepContext stepContext, CancellationToken cancellationToken)
    {
        var answers = Answers(stepContext);
        if (stepContext.Result is NumberResult { Estimate: double estimate } size)
        {
            answers.CompanySize = (int)Math.Round(estimate, MidpointRounding.AwayFromZero);
            answers.CompanySizeSaid = size.ToString();
        }
        await SayIfExhaustedAsync(stepContext, cancellationToken);
        return answers.UseCase != null
            ? await stepContext.NextAsync(null, cancellationToken)
            : await AskChoiceAsync(stepContext, JourneyTexts.UseCaseQuestion, _options.UseCases, cancellationToken);
    }

    private async Task<DialogTurnResult> TimelineStepAsync(WaterfallStepContext stepContext, CancellationToken cancellationToken)
    {
        var answers = Answers(stepContext);
        answers.UseCase = await ChoiceAnswerAsync(stepContext, cancellationToken) ?? answers.UseCase;
        return answers.Timeline != null
            ? await stepContext.NextAsync(null, cancellationToken)
            : await AskChoiceAsync(stepContext, JourneyTexts.TimelineQuestion, _options.Timelines, cancellationToken);
    }

    private async Task<DialogTurnResult> EmailStepAsync(WaterfallStepContext stepContext, CancellationToken cancellationToken)
    {
        var answers = Answers(stepContext);
        answers.Timeline = await ChoiceAnswerAsync(stepContext, cancellationToken) ?? answers.Timeline;
        if (answers.Email != null)
        {
            return await stepContext.NextAsync(null, cancellationToken);
        }
        return await AskAsync(stepContext, EmailQuestion, new PromptOptions
        {
            Prompt = JourneyTexts.WithSuggestions(JourneyTexts.EmailQuestion, [JourneyTexts.Skip]),
            RetryPrompt = JourneyTexts.WithSuggestions(JourneyTexts.EmailRetry, [JourneyTexts.Skip]),
            MaxAttempts = Attempts,
        }, cancellationToken);
    }

    private async Task<DialogTurnResult> ConsentStepAsync(WaterfallStepContext stepContext, CancellationToken cancellationToken)
    {
        var answers = Answers(stepContext);
        if (stepContext.Result is string email)
        {
            if (!string.Equals(email, answers.Email, StringComparison.OrdinalIgnoreCase))
            {
                answers.ContactConsent = null;
            }
            answers.Email = email;
        }
        if (stepContext.PromptExhausted)
        {
            // After an address that was refused, not "let's move on": the visitor must not think it was taken.
            var triedAnAddress = stepContext.Context.Activity.Text?.Contains('@') == true;
            await stepContext.Context.SendActivityAsync(triedAnAddress ? JourneyTexts.EmailNotTaken : JourneyTexts.MovingOn, cancellationToken: cancellationToken);
        }
        if (answers.Email == null || answers.ContactConsent != null)
        {
            return await stepContext.NextAsync(null, cancellationToken);
        }
        return await AskAsync(stepContext, ConsentQuestion, ConsentOptions(answers.Email), cancellationToken);
    }

    private async Task<DialogTurnResult> ScoreStepAsync(WaterfallStepContext stepContext, CancellationToken cancellationToken)
    {
        var qualify = (Qualify)stepContext.Options!;
        var answers = Answers(stepContext);
        if (stepContext.Result is bool consent)
        {
            answers.ContactConsent = consent;
        }
        else if (stepContext.PromptExhausted)
        {
            // Never assume consent.
            answers.ContactConsent = false;
        }

        var score = QualificationScorer.Score(answers, _options);
        var qualified = QualificationScorer.IsQualified(score, _options);
        var profile = await _state.GetProfileAsync(stepContext.Context, cancellationToken);
        profile.Role = answers.Role;
        profile.CompanySize = answers.CompanySize;
        profile.CompanySizeSaid = answers.CompanySizeSaid;
        profile.UseCase = answers.UseCase;
        profile.Timeline = answers.Timeline;
        profile.Email = answers.Email;
        profile.ContactConsent = answers.ContactConsent;
        if (profile.Company == null && QualificationScorer.IsWorkEmail(answers.Email, _options))
        {
            profile.Company = QualificationScorer.DomainOf(answers.Email);
        }
        profile.QualificationScore = score;
        profile.Qualified = qualified;
        // Someone who asks about prices or a demo without saying otherwise is a prospect for routing; the stored
        // type stays unknown (they may be a free user), so a later question is routed by what they tell us.
        var visitorType = profile.VisitorType ?? VisitorTypes.Prospect;
        await _events.QualificationCompletedAsync(stepContext.Context, visitorType, qualify.Intent, score, qualified, cancellationToken);

        return await stepContext.EndDialogAsync(new QualificationResult
        {
            Intent = qualify.Intent,
            VisitorType = visitorType,
            Score = score,
            Qualified = qualified,
            Asked = answers.Asked,
            Summary = QualificationScorer.Summary(answers, score, qualified, qualify.Intent, _options),
        }, cancellationToken);
    }

    /// <summary>
    /// Sees each message before the pending question: the standard interruptions first ("help", "start over", "talk
    /// to a person"), then what is not an answer. An offered answer (button, value or synonym) always goes to the
    /// question; a question of the visitor's own never does, even when a synonym is buried in it ("do you integrate
    /// with gmail?" is not "Marketing email").
    /// </summary>
    protected override async Task<InterruptionResult> OnInterruptAsync(DialogContext innerDc, CancellationToken cancellationToken)
    {
        var standard = await base.OnInterruptAsync(innerDc, cancellationToken);
        if (standard.Action != InterruptionAction.NotHandled)
        {
            return standard;
        }
        var text = innerDc.Context.Activity.Text?.Trim();
        var pending = innerDc.ActiveDialog?.Id;
        var answers = AnswersOf(innerDc);
        var options = innerDc.GetActivePromptOptions();
        if (string.IsNullOrEmpty(text) || answers == null || options == null || IsExactChoice(options, text))
        {
            return InterruptionResult.NotHandled;
        }

        // "hmm no wait, use joe@acmeplumbing.com": the new address, and the consent question again for it.
        if (pending == ConsentQuestion && EmailRecognizer.Recognize(text) is string email)
        {
            if (!string.Equals(email, answers.Email, StringComparison.OrdinalIgnoreCase))
            {
                answers.Email = email;
                answers.ContactConsent = null;
                await innerDc.Context.SendActivityAsync(JourneyTexts.EmailChanged(email), cancellationToken: cancellationToken);
                await innerDc.ReplaceDialogAsync(ConsentQuestion, ConsentOptions(email), cancellationToken);
                return InterruptionResult.Wait;
            }
            return InterruptionResult.NotHandled;
        }
        if (pending == ConsentQuestion && answers.Email != null && LooksLikeAnAddress().IsMatch(text))
        {
            // An address that would not deliver is not taken, and not read as a yes or no either.
            await innerDc.Context.SendActivityAsync(JourneyTexts.EmailNotChanged(answers.Email), cancellationToken: cancellationToken);
            return InterruptionResult.Reprompt;
        }

        var question = MessageSignals.IsQuestion(text) && !(IsAnswerWithQuestionMark(pending, options, text));

        // "we are 12 people", said at another question while the size is still unknown.
        if (pending != SizeQuestion && answers.CompanySize == null && MessageSignals.CompanySize(text, _options.MaxCompanySize) is int size)
        {
            answers.CompanySize = size;
            answers.CompanySizeSaid = size.ToString(CultureInfo.InvariantCulture);
            if (!question)
            {
                if (pending == ChoiceQuestion && ChoiceRecognizer.Recognize(text, options.Choices ?? []).Match != null)
                {
                    // "we are 12, mostly sales": the answer too.
                    return InterruptionResult.NotHandled;
                }
                await innerDc.Context.SendActivityAsync(JourneyTexts.SizeNoted(size), cancellationToken: cancellationToken);
                return InterruptionResult.Reprompt;
            }
        }

        if (!question)
        {
            return InterruptionResult.NotHandled;
        }
        if (MessageSignals.IsAboutTheQuestion(text))
        {
            await innerDc.Context.SendActivityAsync(JourneyTexts.QualificationHelp, cancellationToken: cancellationToken);
            return InterruptionResult.Reprompt;
        }
        await AnswerQuestionAsync(innerDc.Context, text, answers, cancellationToken);
        return InterruptionResult.Reprompt;
    }

    /// <summary>The visitor's own question: answered when the knowledge base is confident (one match), else kept for the coach.</summary>
    private async Task AnswerQuestionAsync(ITurnContext turn, string text, QualificationAnswers answers, CancellationToken cancellationToken)
    {
        var result = await _faq.MatchAsync(MessageSignals.QuestionText(text), 3, cancellationToken);
        if (result.Decision == FaqDecision.Answer && result.Top is { } top && _faq.FindEntry(top.EntryId) is { } entry)
        {
            if (await _answers.JustSentAsync(turn, entry.Id, cancellationToken))
            {
                await turn.SendActivityAsync(JourneyTexts.JustAnswered, cancellationToken: cancellationToken);
                return;
            }
            await _answers.SendAsync(turn, entry, top.Confidence, cancellationToken);
            return;
        }
        await turn.SendActivityAsync(JourneyTexts.QuestionForLater, cancellationToken: cancellationToken);
        answers.OpenQuestions.Add(text.Length > 300 ? text[..300] : text);
        // A knowledge-base gap, unless it is about buying (events.md: faq.unanswered).
        if (MessageSignals.BuyingIntent(text) == null)
        {
            await _events.FaqUnansweredAsync(turn, text, cancellationToken);
        }
    }

    /// <summary>The answers being collected, from the waterfall under the pending question.</summary>
    private static QualificationAnswers? AnswersOf(DialogContext innerDc)
    {
        var waterfall = innerDc.Stack.LastOrDefault(i => i.Id == Waterfall);
        return waterfall != null && WaterfallDialog.ValuesOf(waterfall) is { } values && values.TryGetValue(AnswersKey, out var answers)
            ? answers as QualificationAnswers
            : null;
    }

    /// <summary>An offered answer as it is (a tapped button, its text or one of its synonyms).</summary>
    private static bool IsExactChoice(PromptOptions options, string text) =>
        options.Choices is { Count: > 0 } choices && ChoiceRecognizer.Recognize(text, choices).Match is { Score: >= 1.0 };

    /// <summary>"Sales?", "about 20?", "yes?": only the question mark makes it a question, and the pending question reads it.</summary>
    private static bool IsAnswerWithQuestionMark(string? pending, PromptOptions options, string text)
    {
        if (MessageSignals.StartsLikeQuestion(text))
        {
            return false;
        }
        return pending switch
        {
            ChoiceQuestion => ChoiceRecognizer.Recognize(text, options.Choices ?? []).Match != null,
            SizeQuestion => NumberRecognizer.Recognize(text) != null || MessageSignals.IsSolo(text),
            EmailQuestion => EmailRecognizer.Recognize(text) != null,
            ConsentQuestion => ReplyReader.YesNo(text) != null,
            _ => false,
        };
    }

    [GeneratedRegex(@"\S@\S")]
    private static partial Regex LooksLikeAnAddress();

    private static QualificationAnswers Answers(WaterfallStepContext stepContext) => (QualificationAnswers)stepContext.Values[AnswersKey];

    /// <summary>Asks one of the questions (and notes that something was asked).</summary>
    private static Task<DialogTurnResult> AskAsync(WaterfallStepContext stepContext, string promptId, PromptOptions options, CancellationToken cancellationToken)
    {
        Answers(stepContext).Asked = true;
        return stepContext.PromptAsync(promptId, options, cancellationToken);
    }

    private Task<DialogTurnResult> AskChoiceAsync(WaterfallStepContext stepContext, string question, List<ScoredAnswer> answers, CancellationToken cancellationToken) =>
        AskAsync(stepContext, ChoiceQuestion, new PromptOptions
        {
            Prompt = MessageFactory.Text(question),
            RetryPrompt = MessageFactory.Text(JourneyTexts.ChoiceRetry),
            Choices = answers.Select(a => new Choice(a.Answer, a.Synonyms.ToArray())).ToList(),
            MaxAttempts = Attempts,
        }, cancellationToken);

    private PromptOptions ConsentOptions(string email) => new()
    {
        Prompt = MessageFactory.Text(JourneyTexts.ConsentQuestion(email)),
        MaxAttempts = Attempts,
    };

    /// <summary>"about 20" and the band that holds 20, so both examples fit the configured bands.</summary>
    private string SizeRetryText()
    {
        const int example = 20;
        return _options.BandFor(example) is { } band
            ? JourneyTexts.SizeRetry(example, band.Label)
            : JourneyTexts.SizeRetry(_options.CompanySizes[0].Min, _options.CompanySizes[0].Label);
    }

    /// <summary>The chosen answer; null when skipped, not asked, or not understood (then says so once).</summary>
    private static async Task<string?> ChoiceAnswerAsync(WaterfallStepContext stepContext, CancellationToken cancellationToken)
    {
        await SayIfExhaustedAsync(stepContext, cancellationToken);
        return (stepContext.Result as FoundChoice)?.Value;
    }

    private static async Task SayIfExhaustedAsync(WaterfallStepContext stepContext, CancellationToken cancellationToken)
    {
        if (stepContext.PromptExhausted)
        {
            await stepContext.Context.SendActivityAsync(JourneyTexts.MovingOn, cancellationToken: cancellationToken);
        }
    }

    private static bool Skipped<T>(PromptValidatorContext<T> promptContext)
    {
        if (!ReplyReader.IsSkip(promptContext.Context.Activity.Text))
        {
            return false;
        }
        promptContext.Recognized.Value = default;
        return true;
    }

    private static Task<bool> ChoiceOrSkipAsync(PromptValidatorContext<FoundChoice> promptContext, CancellationToken cancellationToken) =>
        Task.FromResult(Skipped(promptContext) || promptContext.Recognized.Succeeded);

    private static Task<bool> EmailOrSkipAsync(PromptValidatorContext<string> promptContext, CancellationToken cancellationToken) =>
        Task.FromResult(Skipped(promptContext) || promptContext.Recognized.Succeeded);

    private static Task<bool> ConsentOrSkipAsync(PromptValidatorContext<bool> promptContext, CancellationToken cancellationToken)
    {
        // Skipping the consent question is a no.
        if (Skipped(promptContext))
        {
            promptContext.Recognized.Value = false;
            return Task.FromResult(true);
        }
        return Task.FromResult(promptContext.Recognized.Succeeded);
    }

    private static async Task<bool> SizeOrSkipAsync(PromptValidatorContext<NumberResult> promptContext, CancellationToken cancellationToken)
    {
        if (Skipped(promptContext))
        {
            return true;
        }
        if (!promptContext.Recognized.Succeeded && MessageSignals.IsSolo(promptContext.Context.Activity.Text))
        {
            promptContext.Recognized.Value = new NumberResult { Value = 1 };
            promptContext.Recognized.Succeeded = true;
        }
        if (!promptContext.Recognized.Succeeded || promptContext.Recognized.Value?.Estimate is not double estimate)
        {
            return false;
        }
        var number = promptContext.Recognized.Value;
        var max = Convert.ToInt32(promptContext.Options.Validations ?? int.MaxValue, CultureInfo.InvariantCulture);
        string? problem = null;
        if (number.Value is double value && value != Math.Floor(value))
        {
            problem = JourneyTexts.SizeWhole;
        }
        else if (estimate < 1)
        {
            problem = JourneyTexts.SizeTooSmall;
        }
        else if (estimate > max)
        {
            problem = JourneyTexts.SizeTooLarge;
        }
        if (problem == null)
        {
            return true;
        }
        await promptContext.Context.SendActivityAsync(problem, cancellationToken: cancellationToken);
        return false;
    }
}
