using ChatBot.Dialogs.Choices;
using ChatBot.Dialogs.Interruptions;
using ChatBot.Dialogs.Prompts;
using Microsoft.Bot.Builder;

namespace ChatBot.Dialogs.Prospects;

/// <summary>
/// The one quick question asked only when the team depends on it and nothing else says who the visitor is:
/// "are you already using Larkspur?" (options: the <see cref="RouteToCoach"/> waiting for the answer). The answer
/// goes to the profile and a visitor.classified event; the dialog ends with the same route, ready to go.
/// </summary>
public sealed class VisitorTypeDialog : ComponentDialog
{
    private const string Waterfall = "visitorType";
    private const string Question = "visitorTypeChoice";

    private static readonly string[] Types = [VisitorTypes.Prospect, VisitorTypes.Free, VisitorTypes.Customer];

    private readonly JourneyState _state;
    private readonly JourneyEvents _events;

    public VisitorTypeDialog(JourneyState state, JourneyEvents events, InterruptionOptions interruptions)
        : base(nameof(VisitorTypeDialog))
    {
        _state = state;
        _events = events;
        AddDialog(new WaterfallDialog(Waterfall, new WaterfallStep[] { AskStepAsync, SaveStepAsync }));
        AddDialog(new ChoicePrompt(Question));
        Interruptions.Add(new JourneyInterruptions(JourneyInterruptions.WithHelp(interruptions, JourneyTexts.QuestionHelp), restartEndsDialog: true));
        InitialDialogId = Waterfall;
    }

    private static async Task<DialogTurnResult> AskStepAsync(WaterfallStepContext stepContext, CancellationToken cancellationToken) =>
        await stepContext.PromptAsync(Question, new PromptOptions
        {
            Prompt = MessageFactory.Text(JourneyTexts.WhoAreYou),
            RetryPrompt = MessageFactory.Text(JourneyTexts.WhoAreYouRetry),
            Choices = new List<Choice>
            {
                new(JourneyTexts.NotYet, "no", "nope", "not yet", "no i'm not", "not a customer", "new", "looking", "evaluating", "prospect"),
                new(JourneyTexts.OnFreePlan, "free", "free plan", "the free plan", "free version", "free tier", "free account"),
                new(JourneyTexts.OnPaidPlan, "paid", "paid plan", "paying", "customer", "we're a customer", "starter", "professional", "pro", "enterprise"),
            },
            MaxAttempts = 2,
        }, cancellationToken);

    private async Task<DialogTurnResult> SaveStepAsync(WaterfallStepContext stepContext, CancellationToken cancellationToken)
    {
        var route = (RouteToCoach)stepContext.Options!;
        route.AskVisitorType = false;
        if (stepContext.Result is FoundChoice choice)
        {
            var type = Types[choice.Index];
            var profile = await _state.GetProfileAsync(stepContext.Context, cancellationToken);
            profile.VisitorType = type;
            await _events.VisitorClassifiedAsync(stepContext.Context, type, route.Intent, cancellationToken);
        }
        return await stepContext.EndDialogAsync(route, cancellationToken);
    }
}
