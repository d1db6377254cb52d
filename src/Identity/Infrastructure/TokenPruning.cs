using Marketplace.BuildingBlocks.Persistence;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using OpenIddict.Abstractions;

namespace Marketplace.Identity.Infrastructure;

/// <summary>
/// Deletes tokens and authorizations that can no longer be used (expired, revoked, redeemed) once they are
/// older than <see cref="TokenServerOptions.PruneMinimumAge"/>, so the tables do not grow forever. With replicas,
/// one prunes at a time (<see cref="ClusterLock"/>).
/// </summary>
public sealed class TokenPruning(IServiceScopeFactory scopes, IOptions<TokenServerOptions> options, TimeProvider clock, ILogger<TokenPruning> logger)
    : BackgroundService
{
    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        using var timer = new PeriodicTimer(options.Value.PruneInterval, clock);
        while (await timer.WaitForNextTickAsync(stoppingToken))
        {
            try
            {
                await using var scope = scopes.CreateAsyncScope();
                // One replica prunes at a time; the others skip their turn.
                await using var alone = await ClusterLock.TryAcquireAsync(scope.ServiceProvider.GetRequiredService<IdentityDb>(), "token-pruning", stoppingToken);
                if (alone is null)
                {
                    continue;
                }

                var threshold = clock.GetUtcNow() - options.Value.PruneMinimumAge;
                var tokens = await scope.ServiceProvider.GetRequiredService<IOpenIddictTokenManager>().PruneAsync(threshold, stoppingToken);
                var authorizations = await scope.ServiceProvider.GetRequiredService<IOpenIddictAuthorizationManager>().PruneAsync(threshold, stoppingToken);
                logger.LogInformation("Pruned {Tokens} tokens and {Authorizations} authorizations", tokens, authorizations);
            }
            catch (Exception ex) when (!stoppingToken.IsCancellationRequested)
            {
                logger.LogWarning(ex, "Pruning tokens failed; trying again at the next interval");
            }
        }
    }
}
