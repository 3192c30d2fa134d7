using ChatBot.Dialogs.Choices;
using ChatBot.Dialogs.Interruptions;
using ChatBot.Dialogs.Prompts;
using Microsoft.Bot.Builder;

namespace ChatBot.Dialogs.Samples;

/// <summary>
/// The sample waterfall: three questions (name, email, topic) and a summary, ending with a
/// <see cref="ContactRequest"/>. Shows the patterns the prospect dialogs use: skipping a question the
/// bot already knows with NextAsync, moving on when a prompt runs out of attempts, and the shared
/// interruptions ("help", "start over", "talk to a person").
/// </summary>
public class ContactMeDialog : ComponentDialog
{
    public static readonly string[] Topics = { "Product demo", "Pricing", "Support" };

    private const string RequestKey = "request";

    public ContactMeDialog()
        : base(nameof(ContactMeDialog))
    {
        AddDialog(new WaterfallDialog(nameof(WaterfallDialog), new WaterfallStep[]
        {
            NameStepAsync,
            EmailStepAsync,
            TopicStepAsync,
            SummaryStepAsync,
        }));
        AddDialog(new TextPrompt(nameof(TextPrompt)));
        AddDialog(new EmailPrompt(nameof(EmailPrompt)));
        AddDialog(new ChoicePrompt(nameof(ChoicePrompt)));
        Interruptions.Add(new StandardInterruptions());
        InitialDialogId = nameof(WaterfallDialog);
    }

    private static async Task<DialogTurnResult> NameStepAsync(WaterfallStepContext stepContext, CancellationToken cancellationToken)
    {
        var request = new ContactRequest { Name = (stepContext.Options as ContactRequest)?.Name };
        stepContext.Values[RequestKey] = request;
        if (!string.IsNullOrWhiteSpace(request.Name))
        {
            return await stepContext.NextAsync(request.Name, cancellationToken);
        }
        return await stepContext.PromptAsync(nameof(TextPrompt), new PromptOptions
        {
            Prompt = MessageFactory.Text("Happy to have someone get in touch. What's your name?"),
        }, cancellationToken);
    }

    private static async Task<DialogTurnResult> EmailStepAsync(WaterfallStepContext stepContext, CancellationToken cancellationToken)
    {
        var request = (ContactRequest)stepContext.Values[RequestKey];
        request.Name = stepContext.Result as string ?? request.Name;
        return await stepContext.PromptAsync(nameof(EmailPrompt), new PromptOptions
        {
            Prompt = MessageFactory.Text($"Thanks, {request.Name}. Which email address should we use?"),
            RetryPrompt = MessageFactory.Text("That doesn't look like an email address. Could you type it like name@company.com?"),
        }, cancellationToken);
    }

    private static async Task<DialogTurnResult> TopicStepAsync(WaterfallStepContext stepContext, CancellationToken cancellationToken)
    {
        var request = (ContactRequest)stepContext.Values[RequestKey];
        if (stepContext.PromptExhausted)
        {
            await stepContext.Context.SendActivityAsync("Never mind, we'll reach you here in the chat instead.", cancellationToken: cancellationToken);
        }
        else
        {
            request.Email = stepContext.Result as string;
        }
        return await stepContext.PromptAsync(nameof(ChoicePrompt), new PromptOptions
        {
            Prompt = MessageFactory.Text("What would you like to talk about?"),
            RetryPrompt = MessageFactory.Text("Please pick one of these:"),
            Choices = new List<Choice>
            {
                new(Topics[0], "demo", "walkthrough", "see it"),
                new(Topics[1], "price", "cost", "quote", "plans"),
                new(Topics[2], "technical", "problem", "issue", "bug"),
            },
        }, cancellationToken);
    }

    private static async Task<DialogTurnResult> SummaryStepAsync(WaterfallStepContext stepContext, CancellationToken cancellationToken)
    {
        var request = (ContactRequest)stepContext.Values[RequestKey];
        request.Topic = (stepContext.Result as FoundChoice)?.Value;
        var how = request.Email != null ? $"at {request.Email}" : "here";
        var about = request.Topic != null ? $" about {request.Topic.ToLowerInvariant()}" : string.Empty;
        await stepContext.Context.SendActivityAsync($"Thanks {request.Name}, someone from Larkspur will contact you {how}{about}.", cancellationToken: cancellationToken);
        return await stepContext.EndDialogAsync(request, cancellationToken);
    }
}
