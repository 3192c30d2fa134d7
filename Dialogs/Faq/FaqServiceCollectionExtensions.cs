using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;

namespace ChatBot.Dialogs.Faq;

public static class FaqServiceCollectionExtensions
{
    /// <summary>The FAQ recognizer, its file-backed knowledge base (reloaded on change) and the shared MiniLM model.</summary>
    public static IServiceCollection AddFaq(this IServiceCollection services, IConfiguration configuration)
    {
        services.AddOptions<FaqOptions>().Bind(configuration.GetSection(FaqOptions.Section)).ValidateDataAnnotations().ValidateOnStart();
        services.TryAddSingleton<ISentenceEmbedder>(_ => MiniLmEmbedder.Shared);
        services.TryAddSingleton<FaqKnowledgeBaseFile>();
        services.TryAddSingleton<IFaqIndexSource>(sp => sp.GetRequiredService<FaqKnowledgeBaseFile>());
        services.TryAddSingleton<FaqRecognizer>();
        services.TryAddSingleton<IFaqRecognizer>(sp => sp.GetRequiredService<FaqRecognizer>());
        if (configuration.GetValue(FaqOptions.Section + ":WarmUpOnStart", true))
        {
            services.AddHostedService<FaqWarmUp>();
        }
        return services;
    }
}
