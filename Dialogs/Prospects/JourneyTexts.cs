using System.Globalization;
using ChatBot.Dialogs.Choices;
using ChatBot.Dialogs.Faq;
using Microsoft.Bot.Builder;
using Microsoft.Bot.Schema;

namespace ChatBot.Dialogs.Prospects;

/// <summary>Everything the journey says to visitors, in one place: short, friendly, plain sentences.</summary>
public static class JourneyTexts
{
    public const string Pricing = "Pricing";
    public const string AskQuestion = "I have a question";
    public const string BookDemo = "Book a demo";
    public const string TalkToPerson = "Talk to a person";

    /// <summary>The starting points offered with every greeting.</summary>
    public static readonly IReadOnlyList<string> StartingPoints = [Pricing, AskQuestion, BookDemo, TalkToPerson];

    public static IMessageActivity Welcome(string botName, VisitorProfile profile)
    {
        if (profile.IsReturning || profile.Name != null)
        {
            var name = profile.Name == null ? "" : ", " + FirstName(profile.Name);
            return WithStartingPoints($"Welcome back{name}. What can I help you with today?");
        }
        return WithStartingPoints($"Hi, I'm {botName}. I can answer questions about Larkspur CRM or put you in touch with our team. What brings you here today?");
    }

    public static IMessageActivity Help() => WithStartingPoints(
        "I can answer questions about Larkspur CRM, help you find the right plan, or connect you with someone from our team. Ask me anything, or pick one of these:");

    public static IMessageActivity StartAgain() => WithStartingPoints("What can I help you with?");

    public static IMessageActivity Hello() => WithStartingPoints("Hi there. What can I help you with today?");

    public static IMessageActivity NotUnderstood() => WithStartingPoints(
        "Sorry, I didn't quite get that. Could you tell me a bit more? Or pick one of these:");

    public static IMessageActivity AnythingElse() => WithStartingPoints("Is there anything else I can help you with?");

    public const string RestartText = "No problem, let's start over.";
    public const string YoureWelcome = "You're welcome. Is there anything else I can help with?";
    public const string Acknowledged = "Great. Is there anything else I can help with?";
    public const string Goodbye = "Thanks for stopping by. I'm here if you need anything else.";
    public const string AskAway = "Sure, go ahead and ask. I can help with plans and pricing, setting up your portal, contacts, email, reports and more.";
    public const string TextOnly = "I can only read text messages for now. What can I help you with?";

    /// <summary>Help inside a one-question dialog (the FAQ follow-up, "did you mean", feedback).</summary>
    public const string QuestionHelp =
        "You can answer the question below, ask me something else, say \"start over\", or \"talk to a person\" to reach our team.";

    /// <summary>Help inside the qualification.</summary>
    public const string QualificationHelp =
        "I'm asking a few quick questions so the right person can help you. Answer the question below, say \"skip\" to pass on it, "
        + "\"start over\" to begin again, or \"talk to a person\" to reach our team.";

    // FAQ.
    public const string DidThatAnswer = "Did that answer your question?";
    public const string Yes = "Yes";
    public const string No = "No";
    public const string GladItHelped = "Great, glad that helped. Is there anything else I can help with?";
    public static string OfferCoach(string team) => $"Sorry about that. Would you like to talk to someone from our {team} team?";
    public const string YesPlease = "Yes, please";
    public const string NoThanks = "No, thanks";
    public const string TryAgain = "No problem. You can ask me another way, or ask something else.";

    /// <summary>"idk" to "Did that answer your question?": the question stays open.</summary>
    public static string NotSure(string team, bool related) => related
        ? $"No problem. Would you like to talk to someone from our {team} team, or try one of the related questions?"
        : $"No problem. Would you like to talk to someone from our {team} team about it?";

    /// <summary>The same entry again right after it was answered: not repeated.</summary>
    public const string JustAnswered = "That's in my answer just above.";

    /// <summary>The same question asked again right after its answer: the answer did not do it.</summary>
    public static string AskedAgain(string team) => $"{JustAnswered} If it didn't cover what you need, would you like to talk to someone from our {team} team?";
    public const string DidYouMean = "I want to get this right. Did you mean one of these?";
    public const string NoneOfThese = "None of these";

    // Coaches.
    public const string CoachCanHelp = "That's a question one of our coaches can answer best.";
    public const string WhoAreYou = "So I can find the right person: are you already using Larkspur?";
    public const string NotYet = "Not yet";
    public const string OnFreePlan = "Yes, on the Free plan";
    public const string OnPaidPlan = "Yes, on a paid plan";
    public const string WhoAreYouRetry = "Just so I send you to the right team: are you using Larkspur already?";

    // Qualification.
    public static string QualificationIntro(string intent, int? companySize)
    {
        var team = companySize is int size ? $" for your team of {size}" : "";
        var lead = intent == JourneyIntents.Demo
            ? "Happy to set up a demo. A few quick questions first, so the right person can show you around."
            : $"I can help you find the right plan{team}. A few quick questions first.";
        return lead + " Say \"skip\" to pass on any of them.";
    }

    public const string RoleQuestion = "What's your role?";
    public const string SizeQuestion = "How many people work at your company?";
    /// <summary>The examples fit the configured bands: a number, and the band that holds it.</summary>
    public static string SizeRetry(int example, string band) => $"A number is fine, even a rough one like \"about {example}\" or \"{band}\".";
    public const string SizeWhole = "A whole number works best, like 12 or 50.";
    public const string SizeTooSmall = "Even a team of one counts. How many people work there?";
    public const string SizeTooLarge = "That's more than I can count. Could you give me a rough number?";
    public const string UseCaseQuestion = "What would you mainly use Larkspur for?";
    public const string TimelineQuestion = "When are you hoping to get started?";
    public const string ChoiceRetry = "Please pick one of these, or say \"skip\".";
    public const string EmailQuestion = "What's your work email?";
    public const string EmailRetry = "That doesn't look like an email address. Could you type it like name@company.com? Or say \"skip\".";
    public const string Skip = "Skip";
    public static string ConsentQuestion(string email) => $"Is it OK if our sales team emails you at {email}?";
    public const string MovingOn = "No problem, let's move on.";
    public const string EmailNotTaken = "I couldn't use that email address, so I'll go on without one.";
    public const string Qualified = "Thanks, that's all I need. Someone from our sales team is the best person to help you from here.";

    // Said inside the qualification when the visitor says something other than an answer.
    public const string QuestionForLater = "Good question. Someone from our team can go through that with you once we're done here.";
    public static string EmailChanged(string email) => $"Got it, I'll use {email}.";
    public static string EmailNotChanged(string email) => $"That doesn't look like a full email address, so I still have {email}.";
    public static string SizeNoted(int size) => size == 1 ? "Got it, just you." : $"Got it, a team of {size}.";

    /// <summary>A visitor qualified before (nothing asked this time) goes to sales.</summary>
    public static string AlreadyQualified(string intent) => intent == JourneyIntents.Demo
        ? "Happy to set up a demo. I have your details from before, so I'll connect you with our sales team."
        : "I have your details from before, so I'll connect you with our sales team to go through it with you.";

    public const string TalkToSales = "Talk to sales";
    public const string BookDemoWithSales = "Book a demo with sales";

    /// <summary>
    /// A price or demo question from a visitor already qualified and already sent to sales in this conversation, or
    /// one who did not qualify: the sales team is offered (a button), not queued again.
    /// </summary>
    public static IMessageActivity OfferSales(string intent) => intent == JourneyIntents.Demo
        ? WithSuggestions("Our sales team runs the demos. Tap below and someone will set one up with you.", [BookDemoWithSales])
        : WithSuggestions("Would you like to go through it with someone from our sales team?", [TalkToSales]);

    /// <summary>The salesperson's sum: seats × per-seat price, billed annually.</summary>
    public static string Estimate(PlanPrice plan, int size)
    {
        var (seats, monthly, yearly) = PlanPrices.Estimate(plan, size);
        var who = size == 1 ? "just you" : $"{size} people";
        var seatsText = seats == size
            ? $"{seats} {(seats == 1 ? "seat" : "seats")}"
            : $"the {plan.MinimumSeats}-seat minimum";
        return $"For {who} on {plan.Plan}: {seatsText} × {Money(plan.PerSeatPerMonth)} per seat per month = {Money(monthly)} a month, "
            + $"billed annually ({Money(yearly)} a year).";
    }

    /// <summary>
    /// For a prospect who does not qualify: the links, the related questions as buttons, and a person (for a demo
    /// request, the sales team's demo). <paramref name="asked"/>: questions were asked just now ("that's all I need").
    /// </summary>
    public static IMessageActivity SelfServeResources(IReadOnlyList<(string Title, string Url)> links, IReadOnlyList<FaqEntry> questions, string? channelId, bool demo, bool asked)
    {
        var text = asked ? "Thanks, that's all I need. " : "";
        text += demo
            ? $"Our sales team runs the demos: tap \"{BookDemoWithSales}\" and someone will set one up with you. Or get going right away"
            : "The quickest way to get going is to try Larkspur yourself";
        text += links.Count == 0
            ? "."
            : ":\n\n" + string.Join("\n", links.Select(l => $"- [{l.Title}]({l.Url})"));
        if (!demo)
        {
            text += questions.Count > 0
                ? "\n\nThese answers may help too, and a person is only a tap away if you'd like to talk it through."
                : "\n\nIf you'd like to talk it through, a person is only a tap away.";
        }
        else if (questions.Count > 0)
        {
            text += "\n\nThese answers may help too.";
        }
        var reply = (Activity)MessageFactory.Text(text);
        reply.TextFormat = TextFormatTypes.Markdown;
        var choices = questions.Select(QuestionChoice).ToList();
        if (demo)
        {
            choices.Insert(0, new Choice(BookDemoWithSales));
        }
        else
        {
            choices.Add(new Choice(TalkToPerson));
        }
        return ChoiceFactory.AppendChoices(reply, channelId, choices, ListStyle.Auto);
    }

    /// <summary>A knowledge-base entry as a button: a short title that sends the full canonical question.</summary>
    public static Choice QuestionChoice(FaqEntry entry) => QuestionChoice(entry.CanonicalQuestion, entry.ButtonTitle);

    public static Choice QuestionChoice(string question, string title) => new(question)
    {
        Action = new CardAction { Type = ActionTypes.ImBack, Title = title, Value = question },
    };

    // Feedback.
    public const string FeedbackQuestion = "How did we do? Was this chat helpful?";
    public const string ThumbsUp = "👍 Yes";
    public const string ThumbsDown = "👎 No";
    public const string FeedbackPositiveComment = "Thanks, glad to hear it. Anything you'd like to add? Type a comment, or tap Skip.";
    public const string FeedbackNegativeComment = "Sorry to hear that. What could we have done better? Type a comment, or tap Skip.";
    /// <summary>The comment is kept with the chat (its transcript), not sent anywhere: say only that.</summary>
    public const string FeedbackCommentThanks = "Thanks, your comment is saved with this chat.";
    public const string FeedbackThanks = "Thanks for letting us know.";
    public const string FeedbackSkipped = "No problem.";

    public static IMessageActivity Answer(string markdown)
    {
        var reply = MessageFactory.Text(markdown);
        reply.TextFormat = TextFormatTypes.Markdown;
        return reply;
    }

    public static string FirstName(string name) => name.Trim().Split(' ', StringSplitOptions.RemoveEmptyEntries).FirstOrDefault() ?? name;

    /// <summary>A message with suggested replies (buttons on Web Chat and Teams; other channels show the text).</summary>
    public static Activity WithSuggestions(string text, IEnumerable<string> suggestions) =>
        (Activity)MessageFactory.SuggestedActions(suggestions, text, null, null);

    private static string Money(decimal amount) =>
        "$" + amount.ToString(amount == decimal.Truncate(amount) ? "#,##0" : "#,##0.00", CultureInfo.InvariantCulture);

    private static IMessageActivity WithStartingPoints(string text) => WithSuggestions(text, StartingPoints);
}
