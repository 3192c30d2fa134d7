using ChatBot.Dialogs.Faq;
using ChatBot.Handoff.Requests;
using Microsoft.Bot.Builder;
using Microsoft.Extensions.Options;

namespace ChatBot.Dialogs.Prospects;

/// <summary>
/// The journey's two exits: to a coach through the handoff (which records handoff.requested and the rest itself),
/// or to self-serve resources. Each records one routed event first, so a conversation's team is the route's.
/// </summary>
public sealed class JourneyRouter(IHandoffRequester handoff, IFaqRecognizer faq, JourneyEvents events, IOptions<QualificationOptions> options)
{
    public async Task<HandoffRequestResult> ToCoachAsync(ITurnContext turnContext, VisitorProfile profile, RouteToCoach route, CancellationToken cancellationToken)
    {
        var visitorType = profile.VisitorType ?? route.AssumedVisitorType;
        var team = route.Team ?? JourneyTeams.ForVisitor(visitorType);
        if (route.Say != null)
        {
            await turnContext.SendActivityAsync(route.Say, cancellationToken: cancellationToken);
        }
        await events.RoutedAsync(turnContext, team, team, visitorType, route.Intent, route.Qualified, cancellationToken);
        return await handoff.RequestAsync(turnContext, new HandoffRequest
        {
            Team = team,
            Reason = route.Reason,
            VisitorType = visitorType,
            Intent = route.Intent,
            QualificationSummary = route.Summary,
            VisitorName = profile.Name,
            // Only an address the visitor agreed to be emailed at (the handoff uses it for a follow-up).
            VisitorEmail = profile.ContactConsent == true ? profile.Email : null,
        }, cancellationToken);
    }

    public async Task ToSelfServeAsync(ITurnContext turnContext, VisitorProfile profile, SelfServe selfServe, CancellationToken cancellationToken)
    {
        var settings = options.Value;
        var questions = settings.SelfServeEntryIds
            .Select(faq.FindEntry)
            .OfType<FaqEntry>()
            .Select(e => e.Questions.FirstOrDefault())
            .OfType<string>()
            .ToList();
        var links = settings.SelfServeLinks.Select(l => (l.Title, l.Url)).ToList();
        await turnContext.SendActivityAsync(JourneyTexts.SelfServeResources(links, questions, turnContext.Activity.ChannelId), cancellationToken);
        await events.RoutedAsync(turnContext, Routes.SelfServe, null, profile.VisitorType ?? selfServe.AssumedVisitorType, selfServe.Intent, false, cancellationToken);
    }

    /// <summary>The route field of routed: a team's name, or self-serve.</summary>
    public static class Routes
    {
        public const string SelfServe = "self-serve";
    }
}
