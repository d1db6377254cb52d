using Marketplace.BuildingBlocks.Persistence;
using Marketplace.Catalog.Domain;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;

namespace Marketplace.Catalog.Infrastructure;

/// <summary>
/// When the tokenisation changed (<see cref="SearchTokens.Version"/>), re-tokenises every stored dataset at start-up,
/// in batches, before the process serves searches; datasets are otherwise re-tokenised only when they change. On a
/// fresh database there is nothing to do but record the version. Replicas starting together take turns
/// (<see cref="ClusterLock"/>): the first re-tokenises, the others find the version recorded.
/// </summary>
public sealed class SearchIndexUpgrade(IServiceProvider services, ILogger<SearchIndexUpgrade> logger) : IHostedService
{
    private const int BatchSize = 500;

    public async Task StartAsync(CancellationToken ct)
    {
        await using var scope = services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<CatalogDb>();
        await using var alone = await ClusterLock.AcquireAsync(db, "search-index", ct);
        var state = await db.SearchIndexStates.FirstOrDefaultAsync(ct);
        if (state?.TokensVersion == SearchTokens.Version)
        {
            return;
        }

        var done = 0;
        while (true)
        {
            var batch = await db.Datasets.OrderBy(d => d.Id).Skip(done).Take(BatchSize).ToListAsync(ct);
            if (batch.Count == 0)
            {
                break;
            }

            foreach (var dataset in batch)
            {
                dataset.Reindex();
            }

            await db.SaveChangesAsync(ct);
            db.ChangeTracker.Clear();
            done += batch.Count;
        }

        if (state is null)
        {
            db.SearchIndexStates.Add(new SearchIndexState { TokensVersion = SearchTokens.Version });
        }
        else
        {
            db.SearchIndexStates.Attach(state);
            state.TokensVersion = SearchTokens.Version;
        }

        await db.SaveChangesAsync(ct);
        if (done > 0)
        {
            logger.LogInformation("Search columns of {Count} datasets re-tokenised (tokens version {Version})", done, SearchTokens.Version);
        }
    }

    public Task StopAsync(CancellationToken ct) => Task.CompletedTask;
}
