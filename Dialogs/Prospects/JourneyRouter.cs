using ChatBot.Dialogs.Faq;
using ChatBot.Handoff.Requests;
using Microsoft.Bot.Builder;
using Microsoft.Extensions.Options;

namespace ChatBot.Dialogs.Prospects;

/// <summary>
/// The journey's two exits: to a coach through the handoff (which records handoff.requested and the rest itself),
/// or to self-serve resources. Each records one routed event first, so a conversation's team is the route's. The
/// teams asked for are noted in the conversation's flags, so a later price or demo question does not queue the
/// visitor for the same team again.
/// </summary>
public sealed class JourneyRouter(
    IHandoffRequester handoff,
    IFaqRecognizer faq,
    JourneyState state,
    JourneyEvents events,
    IOptions<QualificationOptions> options)
{
    public async Task<HandoffRequestResult> ToCoachAsync(ITurnContext turnContext, VisitorProfile profile, RouteToCoach route, CancellationToken cancellationToken)
    {
        var visitorType = profile.VisitorType ?? route.AssumedVisitorType;
        var team = route.Team ?? JourneyTeams.ForVisitor(visitorType);
        if (route.Say != null)
        {
            await turnContext.SendActivityAsync(route.Say, cancellationToken: cancellationToken);
        }
        // A salesperson gets the earlier qualification's answers with any request, not only right after it.
        var summary = route.Summary ?? (team == JourneyTeams.Sales && profile.Qualified != null
            ? QualificationScorer.Summary(profile, route.Intent, options.Value)
            : null);
        await events.RoutedAsync(turnContext, team, team, visitorType, route.Intent, route.Qualified, cancellationToken);
        var flags = await state.GetFlagsAsync(turnContext, cancellationToken);
        if (!flags.HandoffTeams.Contains(team))
        {
            flags.HandoffTeams.Add(team);
        }
        return await handoff.RequestAsync(turnContext, new HandoffRequest
        {
            Team = team,
            Reason = route.Reason,
            VisitorType = visitorType,
            Intent = route.Intent,
            QualificationSummary = summary,
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
            .ToList();
        var links = settings.SelfServeLinks.Select(l => (l.Title, l.Url)).ToList();
        var demo = selfServe.Intent == JourneyIntents.Demo;
        await turnContext.SendActivityAsync(
            JourneyTexts.SelfServeResources(links, questions, turnContext.Activity.ChannelId, demo, selfServe.Asked), cancellationToken);
        await events.RoutedAsync(turnContext, Routes.SelfServe, null, profile.VisitorType ?? selfServe.AssumedVisitorType, selfServe.Intent, false, cancellationToken);
    }

    /// <summary>The route field of routed: a team's name, or self-serve.</summary>
    public static class Routes
    {
        public const string SelfServe = "self-serve";
    }
}
