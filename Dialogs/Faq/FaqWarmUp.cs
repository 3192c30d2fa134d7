using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;

namespace ChatBot.Dialogs.Faq;

/// <summary>Loads the model and the knowledge base in the background at start, so the first visitor does
/// not wait the 2-3 s it takes; the host answers meanwhile (a question asked during warm-up waits for it).</summary>
public sealed class FaqWarmUp(IFaqIndexSource source, ILogger<FaqWarmUp> logger) : BackgroundService
{
    protected override Task ExecuteAsync(CancellationToken stoppingToken) => Task.Run(() =>
    {
        try
        {
            _ = source.Current;
        }
        catch (Exception ex)
        {
            logger.LogError(ex, "FAQ warm-up failed; the knowledge base will load on the first question");
        }
    }, stoppingToken);
}
