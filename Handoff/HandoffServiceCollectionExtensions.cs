using ChatBot.Handoff.Coaches;
using ChatBot.Handoff.Console;
using ChatBot.Handoff.Events;
using ChatBot.Handoff.External;
using ChatBot.Handoff.Middleware;
using ChatBot.Handoff.Options;
using ChatBot.Handoff.Relay;
using ChatBot.Handoff.Requests;
using ChatBot.Handoff.Storage;
using ChatBot.Handoff.Timeouts;
using ChatBot.Handoff.Transcripts;
using Microsoft.Bot.Builder;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Options;

namespace ChatBot.Handoff;

public static class HandoffServiceCollectionExtensions
{
    /// <summary>
    /// The handoff: options (section "Handoff"), the store, the requester the dialogs call, the middleware
    /// (registered as an <see cref="IMiddleware"/> for the adapter's pipeline) and the timeout sweeper.
    /// Needs an <see cref="IStorage"/> and an <see cref="ITranscriptStore"/>; uses the host's <see cref="IOutcomeEventSink"/>
    /// and <see cref="ITranscriptLogger"/> when registered.
    /// </summary>
    public static IServiceCollection AddHandoff(this IServiceCollection services, IConfiguration configuration, bool runSweeper = true)
    {
        services.AddOptions<HandoffOptions>().Bind(configuration.GetSection(HandoffOptions.Section)).ValidateDataAnnotations().ValidateOnStart();
        services.AddSingleton<IValidateOptions<HandoffOptions>, HandoffOptionsValidator>();

        services.TryAddSingleton(TimeProvider.System);
        services.TryAddSingleton<IOutcomeEventSink, LoggingOutcomeEventSink>();
        // The transcript: the host registers the ITranscriptStore (and may register a faster ITranscriptLogger in
        // front of it); the SDK's middleware, ahead of the handoff's, logs every visitor turn through the filter.
        services.TryAddSingleton<ITranscriptLogger>(sp => sp.GetRequiredService<ITranscriptStore>());
        services.TryAddSingleton<IHandoffTranscriptStore, TranscriptStoreHandoffTranscripts>();
        services.AddSingleton(sp => new VisitorTranscriptLogger(sp.GetRequiredService<ITranscriptLogger>(), sp.GetRequiredService<CoachDirectory>()));
        services.AddSingleton<IMiddleware>(sp => new TranscriptLoggerMiddleware(sp.GetRequiredService<VisitorTranscriptLogger>()));
        services.AddSingleton<HandoffStore>();
        services.AddSingleton<CoachDirectory>();
        services.TryAddSingleton<ICoachIdentityVerifier, AuthenticatedChannelVerifier>();
        services.AddSingleton<HandoffRelay>();
        services.AddSingleton<HandoffEvents>();
        services.AddSingleton<HandoffOperations>();
        services.AddSingleton<ExternalHandoff>();
        services.AddSingleton<VisitorHandoff>();
        services.AddSingleton<CoachHandoff>();
        services.AddSingleton<HandoffQueueView>();
        services.AddSingleton<HandoffSweeper>();
        services.AddSingleton<ChatBot.Handoff.Coaches.CoachPresence>();
        services.AddSingleton<IHandoffRequester, HandoffRequester>();
        services.AddSingleton<HandoffMiddleware>();
        services.AddSingleton<IMiddleware>(sp => sp.GetRequiredService<HandoffMiddleware>());
        if (runSweeper)
        {
            services.AddHostedService<HandoffSweeperService>();
        }
        return services;
    }
}
