using Marketplace.BuildingBlocks.IntegrationEvents;
using Marketplace.BuildingBlocks.Persistence;
using Marketplace.Catalog.Domain;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;

namespace Marketplace.Catalog.Infrastructure;

/// <summary>
/// In demo mode (<c>Marketplace:Demo:Seed</c>) publishes <see cref="DemoDatasets"/> into an empty catalog,
/// through the domain and the outbox like any dataset, so the other modules receive them too.
/// </summary>
public sealed class CatalogSeeder(IServiceProvider services, IConfiguration configuration, ILogger<CatalogSeeder> logger) : IHostedService
{
    public async Task StartAsync(CancellationToken ct)
    {
        if (!configuration.GetValue<bool>("Marketplace:Demo:Seed"))
        {
            return;
        }

        await using var scope = services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<CatalogDb>();
        // Replicas starting together: one seeds, the others wait and find the catalog no longer empty.
        await using var alone = await ClusterLock.AcquireAsync(db, "seeding", ct);
        if (await db.Datasets.AnyAsync(ct))
        {
            return;
        }

        var now = scope.ServiceProvider.GetRequiredService<TimeProvider>().GetUtcNow().UtcDateTime;
        var count = 0;
        foreach (var (provider, metadata) in DemoDatasets.All())
        {
            MetadataRules.Validate(metadata);
            // A second apart, so "newest" has a stable, meaningful order.
            var at = now.AddSeconds(++count - 100);
            var dataset = Dataset.CreateDraft(provider, metadata, at);
            dataset.Publish("demo-seed", at);
            db.Datasets.Add(dataset);
            db.AddEvent(new DatasetPublished(dataset.Id, dataset.Version, provider, dataset.TitleKo, dataset.TitleEn, at, dataset.Facts()));
        }

        await db.SaveChangesAsync(ct);
        logger.LogWarning("Demo catalog created: {Count} datasets of the demo providers", count);
    }

    public Task StopAsync(CancellationToken ct) => Task.CompletedTask;
}
