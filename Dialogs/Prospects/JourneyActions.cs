namespace ChatBot.Dialogs.Prospects;

// What MainDialog does next. A child dialog ends with one of these; MainDialog then restarts its waterfall with it
// as options (ReplaceDialog), so each step of the journey is one small, named hand-over. They are stored with the
// conversation while a dialog runs: plain data, stable names, add properties freely.

/// <summary>Base of the journey's hand-overs.</summary>
public abstract class JourneyAction
{
}

/// <summary>The message in this turn is not an answer to the question that was open: classify it afresh.</summary>
public sealed class NewMessage : JourneyAction
{
}

/// <summary>"start over" outside the qualification: offer the starting points again.</summary>
public sealed class StartOver : JourneyAction
{
}

/// <summary>Answer one knowledge-base entry, then ask whether that answered the question.</summary>
public sealed class AnswerFaq : JourneyAction
{
    public string EntryId { get; set; } = "";

    /// <summary>The recognizer's confidence (faq.answered's score); null when the entry was not ranked for the message.</summary>
    public double? Score { get; set; }
}

/// <summary>The recognizer was unsure: offer its top entries as "did you mean".</summary>
public sealed class ClarifyFaq : JourneyAction
{
    /// <summary>The visitor's question (for faq.unanswered when none of the offers fits).</summary>
    public string Question { get; set; } = "";

    public List<FaqOffer> Offers { get; set; } = [];
}

/// <summary>One "did you mean" entry.</summary>
public sealed class FaqOffer
{
    public string EntryId { get; set; } = "";

    public string Question { get; set; } = "";

    /// <summary>The button's short title (the entry's label); the button sends <see cref="Question"/>.</summary>
    public string? Label { get; set; }

    public double Score { get; set; }
}

/// <summary>Qualify a prospect, after answering a documented pricing question first when there is one.</summary>
public sealed class Qualify : JourneyAction
{
    /// <summary>pricing, demo or purchase.</summary>
    public string Intent { get; set; } = JourneyIntents.Pricing;

    /// <summary>A knowledge-base entry to answer before the questions (the documented price list).</summary>
    public string? AnswerFirstEntryId { get; set; }

    public double? AnswerFirstScore { get; set; }

    /// <summary>A company size the visitor already gave in the message ("we are 40 people").</summary>
    public int? CompanySize { get; set; }

    /// <summary>The plan the message names ("how much is Professional"), for a worked estimate.</summary>
    public string? Plan { get; set; }
}

/// <summary>Hand the visitor to a coach through the handoff.</summary>
public sealed class RouteToCoach : JourneyAction
{
    /// <summary>sales or support; null to choose by visitor type (<see cref="JourneyTeams.ForVisitor"/>).</summary>
    public string? Team { get; set; }

    public string Intent { get; set; } = JourneyIntents.Person;

    /// <summary>For the coach, a few words ("asked for a person").</summary>
    public string Reason { get; set; } = "asked for a person";

    /// <summary>The qualification summary for the coach, if the visitor was qualified.</summary>
    public string? Summary { get; set; }

    /// <summary>Said to the visitor before the handoff speaks; null to let the handoff's own message do it.</summary>
    public string? Say { get; set; }

    /// <summary>Ask the one visitor-type question first when the team depends on it and the type is unknown.</summary>
    public bool AskVisitorType { get; set; }

    /// <summary>The qualification's verdict when this route follows one (the routed event's qualified field).</summary>
    public bool? Qualified { get; set; }

    /// <summary>The visitor type to report when the profile has none (a qualified visitor is a prospect).</summary>
    public string? AssumedVisitorType { get; set; }
}

/// <summary>A prospect who did not qualify: self-serve resources, with a person still offered.</summary>
public sealed class SelfServe : JourneyAction
{
    public string Intent { get; set; } = JourneyIntents.Pricing;

    /// <summary>Qualification questions were asked just now ("Thanks, that's all I need").</summary>
    public bool Asked { get; set; } = true;

    /// <summary>The visitor type to report when the profile has none.</summary>
    public string? AssumedVisitorType { get; set; }
}

/// <summary>The visitor's need is met (by the bot, or by a coach who ended the chat): ask for feedback once.</summary>
public sealed class AskFeedback : JourneyAction
{
    public bool CoachHandled { get; set; }
}
