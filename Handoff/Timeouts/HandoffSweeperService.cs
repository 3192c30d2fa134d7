using ChatBot.Handoff.Options;
using Microsoft.Bot.Builder;
using Microsoft.Bot.Builder.Integration.AspNet.Core;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace ChatBot.Handoff.Timeouts;

/// <summary>Runs <see cref="HandoffSweeper"/> every Handoff:SweepIntervalSeconds with the host's adapter.</summary>
public sealed class HandoffSweeperService(
    HandoffSweeper sweeper,
    IServiceProvider services,
    IOptions<HandoffOptions> options,
    TimeProvider time,
    ILogger<HandoffSweeperService> logger) : BackgroundService
{
    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        // Resolved here, not injected: the adapter's pipeline holds the handoff middleware.
        var adapter = services.GetRequiredService<IBotFrameworkHttpAdapter>() as BotAdapter;
        if (adapter == null)
        {
            logger.LogError("The handoff timeout sweeper needs a BotAdapter; timeouts will not be enforced.");
            return;
        }
        using var timer = new PeriodicTimer(TimeSpan.FromSeconds(options.Value.SweepIntervalSeconds), time);
        do
        {
            try
            {
                await sweeper.SweepAsync(adapter, stoppingToken);
            }
            catch (Exception e) when (e is not OperationCanceledException)
            {
                logger.LogError(e, "Handoff timeout sweep failed; retrying next interval");
            }
        }
        while (await timer.WaitForNextTickAsync(stoppingToken));
    }
}
