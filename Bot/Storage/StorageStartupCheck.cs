using Azure;
using Azure.Storage.Blobs;
using ChatBot.Handoff.Events;
using ChatBot.Options;
using Microsoft.Bot.Builder;
using Microsoft.Data.Sqlite;
using Microsoft.Extensions.Options;

namespace ChatBot.Storage;

/// <summary>
/// Before anything else starts: opens the configured storage, event log and transcript store, creates the Blob
/// container when missing, and writes and deletes one probe item. Anything wrong becomes a
/// <see cref="StorageUnavailableException"/> whose message is one line naming the setting to check; Program prints
/// it and exits (no stack trace).
/// </summary>
public sealed class StorageStartupCheck(IServiceProvider services, IHostEnvironment environment) : IHostedLifecycleService
{
    public const string ProbeKey = "chatbot/startup-probe";

    private volatile bool _passed;

    /// <summary>As a hosted service too, so every host (tests, commands) opens its storage before serving; once is enough.</summary>
    public Task StartingAsync(CancellationToken cancellationToken) => _passed ? Task.CompletedTask : CheckAsync(cancellationToken);

    public async Task CheckAsync(CancellationToken cancellationToken = default)
    {
        await RunAsync(cancellationToken);
        _passed = true;
    }

    private async Task RunAsync(CancellationToken cancellationToken)
    {
        StorageOptions? options = null;
        try
        {
            options = services.GetRequiredService<IOptions<StorageOptions>>().Value;
            if (options.Kind == StorageKind.Blob)
            {
                await services.GetRequiredService<BlobContainerClient>().CreateIfNotExistsAsync(cancellationToken: cancellationToken);
            }
            var storage = services.GetRequiredService<IStorage>();
            services.GetRequiredService<IEventLog>();
            services.GetRequiredService<ITranscriptStore>();
            await storage.WriteAsync(new Dictionary<string, object> { [ProbeKey] = new Dictionary<string, object> { ["at"] = DateTimeOffset.UtcNow.ToString("O") } }, cancellationToken);
            await storage.DeleteAsync([ProbeKey], cancellationToken);
        }
        catch (StorageUnavailableException)
        {
            throw;
        }
        catch (OptionsValidationException e)
        {
            throw new StorageUnavailableException("Storage settings are invalid: " + string.Join(" ", e.Failures));
        }
        catch (Exception e) when (options?.Kind == StorageKind.Sqlite && e is UnauthorizedAccessException or IOException or SqliteException)
        {
            var path = BotHost.ResolvePath(options.Path, environment);
            throw new StorageUnavailableException($"Storage:Path '{path}' cannot be used ({OneLine(e.Message).TrimEnd('.')}): check that the folder exists or can be created, and is writable.", e);
        }
        catch (Exception e) when (options?.Kind == StorageKind.Blob && Unwrap(e) is { } failure)
        {
            throw new StorageUnavailableException(DescribeBlobFailure(failure, services.GetRequiredService<BlobContainerClient>().Uri), e);
        }
    }

    public static string DescribeBlobFailure(Exception failure, Uri container)
    {
        var path = container.GetLeftPart(UriPartial.Path);
        var endpoint = path[..path.LastIndexOf('/')];
        if (failure is RequestFailedException { Status: 403 } denied)
        {
            return $"Storage:ConnectionString was refused by {endpoint} (403 {denied.ErrorCode}): check the account name and key (or SAS) in it.";
        }
        if (failure is RequestFailedException { Status: 400 } bad && bad.Message.Contains("API version", StringComparison.OrdinalIgnoreCase))
        {
            return $"Storage:ConnectionString points at a Blob service that rejects this client's API version ({endpoint}): start Azurite with --skipApiVersionCheck.";
        }
        if (failure is RequestFailedException { Status: 400 } invalid && invalid.ErrorCode is "InvalidResourceName" or "OutOfRangeInput")
        {
            return $"Storage:Container is not a valid container name ({invalid.ErrorCode}): use 3-63 lower-case letters, digits and single hyphens.";
        }
        if (failure is RequestFailedException { Status: > 0 } other)
        {
            return $"Storage:ConnectionString: the Blob service at {endpoint} answered {other.Status} {other.ErrorCode}: {OneLine(other.Message)}";
        }
        return $"Storage:ConnectionString: cannot reach the Blob service at {endpoint} ({OneLine((failure.InnerException ?? failure).Message)}). Is it running, and is the endpoint right?";
    }

    private static Exception? Unwrap(Exception e) => e switch
    {
        AggregateException { InnerExceptions.Count: > 0 } aggregate => Unwrap(aggregate.InnerExceptions[^1]),
        RequestFailedException or HttpRequestException or TimeoutException or TaskCanceledException => e,
        _ => null,
    };

    private static string OneLine(string text)
    {
        var first = text.Split('\n', 2)[0].Trim();
        return first.Length > 200 ? first[..200] + "..." : first;
    }

    public Task StartAsync(CancellationToken cancellationToken) => Task.CompletedTask;
    public Task StartedAsync(CancellationToken cancellationToken) => Task.CompletedTask;
    public Task StoppingAsync(CancellationToken cancellationToken) => Task.CompletedTask;
    public Task StopAsync(CancellationToken cancellationToken) => Task.CompletedTask;
    public Task StoppedAsync(CancellationToken cancellationToken) => Task.CompletedTask;
}
