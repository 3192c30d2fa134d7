using ChatBot.Dialogs.Interruptions;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;

namespace ChatBot.Dialogs.Prospects;

public static class ProspectServiceCollectionExtensions
{
    /// <summary>
    /// The prospect journey: the "Qualification" options (validated at start), the state accessors, events, router
    /// and dialogs (stateless, one instance each). Needs ConversationState, UserState, the FAQ recognizer
    /// (AddFaq), the handoff's IHandoffRequester (AddHandoff), an IOutcomeEventSink and a TimeProvider.
    /// </summary>
    public static IServiceCollection AddProspectJourney(this IServiceCollection services, IConfiguration configuration)
    {
        services.AddOptions<QualificationOptions>().Bind(configuration.GetSection(QualificationOptions.Section)).ValidateDataAnnotations().ValidateOnStart();
        // The engine's phrases; the handoff's own message tells the visitor what happens, so no text of ours before it.
        services.TryAddSingleton(new InterruptionOptions { HandoffText = null, RestartText = JourneyTexts.RestartText });
        services.TryAddSingleton(TimeProvider.System);
        services.AddSingleton<JourneyState>();
        services.AddSingleton<JourneyEvents>();
        services.AddSingleton<JourneyRouter>();
        services.AddSingleton<JourneyAnswers>();
        services.AddSingleton<FaqAnswerDialog>();
        services.AddSingleton<ClarifyDialog>();
        services.AddSingleton<QualificationDialog>();
        services.AddSingleton<VisitorTypeDialog>();
        services.AddSingleton<FeedbackDialog>();
        services.AddSingleton<MainDialog>();
        return services;
    }
}
