using Marketplace.Pricing.Domain;
using Microsoft.EntityFrameworkCore;

namespace Marketplace.Pricing.Infrastructure;

/// <summary>The baseline version in force for a category at a moment: its own, else the default.</summary>
public sealed class BaselineFinder(PricingDb db)
{
    public async Task<Baseline?> InForceAsync(string? processStage, string? dataType, DateTime at, CancellationToken ct) =>
        await LatestAsync(processStage, dataType, at, ct) ?? await LatestAsync(null, null, at, ct);

    private Task<Baseline?> LatestAsync(string? processStage, string? dataType, DateTime at, CancellationToken ct) =>
        db.Baselines.AsNoTracking()
            .Where(b => b.Status == BaselineStatus.Published && b.ProcessStage == processStage && b.DataType == dataType && b.EffectiveFrom <= at)
            .OrderByDescending(b => b.EffectiveFrom).ThenByDescending(b => b.Version)
            .FirstOrDefaultAsync(ct);
}
