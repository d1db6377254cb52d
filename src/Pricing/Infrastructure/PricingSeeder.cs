using Marketplace.BuildingBlocks.IntegrationEvents;
using Marketplace.BuildingBlocks.Persistence;
using Marketplace.Pricing.Domain;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;

namespace Marketplace.Pricing.Infrastructure;

/// <summary>
/// In demo mode (<c>Marketplace:Demo:Seed</c>) publishes a default baseline and one for sensor time
/// series from production, and a voucher programme for SMEs, so quotes work from the first start.
/// </summary>
public sealed class PricingSeeder(IServiceProvider services, IConfiguration configuration, ILogger<PricingSeeder> logger) : IHostedService
{
    public static BaselineFactors DemoFactors() => new(
        VolumeTiers: [new(0, 0.8m), new(100_000, 1m), new(10_000_000, 1.3m), new(1_000_000_000, 1.6m)],
        HistoryTiers: [new(0, 0.9m), new(12, 1m), new(36, 1.2m)],
        QualityGrades: new() { ["A"] = 1.3m, ["B"] = 1m, ["C"] = 0.8m },
        ExclusivityMultiplier: 2.5m,
        PurposeMultipliers: new()
        {
            ["research"] = 0.7m, ["internal-operations"] = 1m, ["product-development"] = 1.3m, ["ai-training"] = 1.5m, ["derived-products-resale"] = 2m,
        },
        DurationStepAbove12: 0.05m,
        DurationStepBelow12: 0.06m,
        FloorPercent: 70m,
        CeilingPercent: 150m,
        PlatformFeePercent: 10m,
        WellDescribedFeePercent: 7m);

    public async Task StartAsync(CancellationToken ct)
    {
        if (!configuration.GetValue<bool>("Marketplace:Demo:Seed"))
        {
            return;
        }

        await using var scope = services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<PricingDb>();
        // Replicas starting together: one seeds, the others wait and find the baselines.
        await using var alone = await ClusterLock.AcquireAsync(db, "seeding", ct);
        if (await db.Baselines.AnyAsync(ct))
        {
            return;
        }

        var now = scope.ServiceProvider.GetRequiredService<TimeProvider>().GetUtcNow().UtcDateTime;
        foreach (var (stage, type, price) in new[] { ((string?)null, (string?)null, 5_000_000m), ("production", "sensor-time-series", 8_000_000m) })
        {
            var baseline = Baseline.Draft(stage, type, price, DemoFactors(), "demo-seed", now);
            baseline.Publish(1, now, "demo-seed", now);
            db.Baselines.Add(baseline);
            db.AddEvent(baseline.ToEvent());
        }

        db.VoucherProgrammes.Add(VoucherProgramme.Create(
            "중소기업 데이터 바우처 / SME data voucher", forSmes: true, organisations: [], subsidyPercent: 50m, capPerAgreement: 5_000_000m,
            budget: 100_000_000m, validFrom: now, validTo: now.AddYears(1), createdBy: "demo-seed", now));
        await db.SaveChangesAsync(ct);
        logger.LogWarning("Demo pricing created: a default baseline, one for production sensor time series, an SME voucher programme");
    }

    public Task StopAsync(CancellationToken ct) => Task.CompletedTask;
}
