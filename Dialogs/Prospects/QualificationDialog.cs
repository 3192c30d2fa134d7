using System.Globalization;
using ChatBot.Dialogs.Choices;
using ChatBot.Dialogs.Interruptions;
using ChatBot.Dialogs.Prompts;
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
/// </summary>
public sealed class QualificationDialog : ComponentDialog
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
    private readonly QualificationOptions _options;

    public QualificationDialog(JourneyState state, JourneyEvents events, IOptions<QualificationOptions> options, InterruptionOptions interruptions)
        : base(nameof(QualificationDialog))
    {
        _state = state;
        _events = events;
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
        return await stepContext.PromptAsync(SizeQuestion, new PromptOptions
        {
            Prompt = prompt,
            RetryPrompt = JourneyTexts.WithSuggestions(JourneyTexts.SizeRetry, _options.CompanySizes.Select(b => b.Label)),
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
        return await stepContext.PromptAsync(EmailQuestion, new PromptOptions
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
        await SayIfExhaustedAsync(stepContext, cancellationToken);
        if (answers.Email == null || answers.ContactConsent != null)
        {
            return await stepContext.NextAsync(null, cancellationToken);
        }
        return await stepContext.PromptAsync(ConsentQuestion, new PromptOptions
        {
            Prompt = MessageFactory.Text(JourneyTexts.ConsentQuestion(answers.Email)),
            MaxAttempts = Attempts,
        }, cancellationToken);
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
            Summary = QualificationScorer.Summary(answers, score, qualified, qualify.Intent, _options),
        }, cancellationToken);
    }

    private static QualificationAnswers Answers(WaterfallStepContext stepContext) => (QualificationAnswers)stepContext.Values[AnswersKey];

    private Task<DialogTurnResult> AskChoiceAsync(WaterfallStepContext stepContext, string question, List<ScoredAnswer> answers, CancellationToken cancellationToken) =>
        stepContext.PromptAsync(ChoiceQuestion, new PromptOptions
        {
            Prompt = MessageFactory.Text(question),
            RetryPrompt = MessageFactory.Text(JourneyTexts.ChoiceRetry),
            Choices = answers.Select(a => new Choice(a.Answer, a.Synonyms.ToArray())).ToList(),
            MaxAttempts = Attempts,
        }, cancellationToken);

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
