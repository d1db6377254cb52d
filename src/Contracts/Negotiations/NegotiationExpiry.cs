using Marketplace.BuildingBlocks.Persistence;
using Marketplace.Contracts.Infrastructure;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace Marketplace.Contracts.Negotiations;

/// <summary>
/// Ends negotiations whose party did not act within the response period (a request the provider did
/// not answer, an offer the buyer did not answer, and so on) every <see cref="ContractsOptions.ExpirySweepInterval"/>
/// (<see cref="EndNegotiations.ExpireOverdueAsync"/>); acting on an overdue negotiation also ends it first.
/// Time comes from <see cref="TimeProvider"/>.
/// </summary>
public sealed class NegotiationExpiry(IServiceScopeFactory scopes, TimeProvider clock, IOptions<ContractsOptions> options, ILogger<NegotiationExpiry> logger)
    : BackgroundService
{
    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        using var timer = new PeriodicTimer(options.Value.ExpirySweepInterval, clock);
        do
        {
            try
            {
                await using var scope = scopes.CreateAsyncScope();
                var db = scope.ServiceProvider.GetRequiredService<ContractsDb>();
                // One replica sweeps at a time; the others skip their turn rather than race it for the same rows.
                await using var alone = await ClusterLock.TryAcquireAsync(db, "expiry-sweep", stoppingToken);
                if (alone is null)
                {
                    continue;
                }

                var ended = await EndNegotiations.ExpireOverdueAsync(db, clock.GetUtcNow().UtcDateTime, stoppingToken);
                if (ended > 0)
                {
                    logger.LogInformation("{Count} negotiations expired", ended);
                }
            }
            catch (Exception ex) when (ex is not OperationCanceledException)
            {
                // A concurrent action on the same negotiation, or the database away: the next sweep retries.
                logger.LogWarning(ex, "Expiring overdue negotiations failed; retrying at the next sweep");
            }
        }
        while (await timer.WaitForNextTickAsync(stoppingToken));
    }
}
