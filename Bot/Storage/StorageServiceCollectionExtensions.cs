using Azure.Storage.Blobs;
using ChatBot.Events;
using ChatBot.Handoff.Events;
using ChatBot.Options;
using ChatBot.Transcripts;
using Microsoft.Bot.Builder;
using Microsoft.Extensions.Options;

namespace ChatBot.Storage;

public static class StorageServiceCollectionExtensions
{
    /// <summary>
    /// Everything the bot stores, on the back end that Storage:Kind selects: the <see cref="IStorage"/> (bot state,
    /// Direct Line conversations, the handoff's records, queue and coaches), the <see cref="IEventLog"/>, and the
    /// <see cref="ITranscriptStore"/> (with the background logger TranscriptLoggerMiddleware writes through). A check
    /// at start opens all of them, so an unusable store stops the host with one line (<see cref="StorageStartupCheck"/>).
    /// </summary>
    public static IServiceCollection AddChatBotStorage(this IServiceCollection services, IConfiguration configuration, IHostEnvironment environment)
    {
        services.AddOptions<StorageOptions>().Bind(configuration.GetSection(StorageOptions.Section)).ValidateDataAnnotations().ValidateOnStart();
        services.AddSingleton(sp => BlobContainerFactory.Create(Options(sp)));
        services.AddSingleton<IStorage>(sp => Options(sp).Kind switch
        {
            StorageKind.Memory => new InMemoryStorage(),
            StorageKind.Sqlite => new SqliteStorage(SqliteFile(sp, environment, "chatbot.db")),
            _ => new BlobStorage(sp.GetRequiredService<BlobContainerClient>()),
        });
        services.AddSingleton<IEventLog>(sp => Options(sp).Kind switch
        {
            StorageKind.Memory => new InMemoryEventLog(),
            StorageKind.Sqlite => new SqliteEventLog(SqliteFile(sp, environment, "events.db")),
            _ => new BlobEventLog(sp.GetRequiredService<BlobContainerClient>()),
        });
        services.AddSingleton<ITranscriptStore>(sp => Options(sp).Kind switch
        {
            StorageKind.Memory => new InMemoryTranscriptStore(),
            StorageKind.Sqlite => new SqliteTranscriptStore(SqliteFile(sp, environment, "transcripts.db")),
            _ => new BlobTranscriptStore(sp.GetRequiredService<BlobContainerClient>()),
        });
        services.AddSingleton(sp => (IVisitorTranscripts)sp.GetRequiredService<ITranscriptStore>());
        services.AddSingleton<BackgroundTranscriptLogger>();
        services.AddSingleton<ITranscriptLogger>(sp => sp.GetRequiredService<BackgroundTranscriptLogger>());
        services.AddHostedService(sp => sp.GetRequiredService<BackgroundTranscriptLogger>());
        services.AddSingleton<Privacy.VisitorEraser>();
        services.AddSingleton<StorageStartupCheck>();
        services.AddHostedService(sp => sp.GetRequiredService<StorageStartupCheck>());
        return services;
    }

    /// <summary>Storage:Path resolved against the Bot folder, and the file in it.</summary>
    public static string SqliteFile(IServiceProvider services, IHostEnvironment environment, string file) =>
        Path.Combine(BotHost.ResolvePath(Options(services).Path, environment), file);

    private static StorageOptions Options(IServiceProvider services) => services.GetRequiredService<IOptions<StorageOptions>>().Value;
}
