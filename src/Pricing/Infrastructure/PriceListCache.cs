using Marketplace.Pricing.Domain;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace Marketplace.Pricing.Infrastructure;

/// <summary>
/// Published baselines and voucher programmes, held in memory for quotes: both are few, and a published
/// baseline never changes. Reloaded after a change made in this process, and at most a second after a
/// change made by another replica (<see cref="MaxAge"/>). Reservations read the database, never this.
/// </summary>
public sealed class PriceListCache(IServiceScopeFactory scopes, TimeProvider clock) : IDisposable
{
    public static readonly TimeSpan MaxAge = TimeSpan.FromSeconds(1);

    private readonly SemaphoreSlim _reload = new(1, 1);
    private Snapshot? _snapshot;

    public sealed record Snapshot(IReadOnlyList<Baseline> Baselines, IReadOnlyList<VoucherProgramme> Vouchers, DateTime LoadedAt);

    public void Invalidate() => _snapshot = null;

    public async Task<Snapshot> GetAsync(CancellationToken ct)
    {
        var now = clock.GetUtcNow().UtcDateTime;
        if (_snapshot is { } fresh && now - fresh.LoadedAt < MaxAge)
        {
            return fresh;
        }

        await _reload.WaitAsync(ct);
        try
        {
            if (_snapshot is { } reloaded && now - reloaded.LoadedAt < MaxAge)
            {
                return reloaded;
            }

            await using var scope = scopes.CreateAsyncScope();
            var db = scope.ServiceProvider.GetRequiredService<PricingDb>();
            var baselines = await db.Baselines.AsNoTracking().Where(b => b.Status == BaselineStatus.Published).ToListAsync(ct);
            var vouchers = await db.VoucherProgrammes.AsNoTracking().Where(p => p.ValidTo > now).ToListAsync(ct);
            return _snapshot = new Snapshot(baselines, vouchers, now);
        }
        finally
        {
            _reload.Release();
        }
    }

    /// <summary>The baseline version in force for a category at a moment: its own, else the default.</summary>
    public static Baseline? InForce(Snapshot snapshot, string? processStage, string? dataType, DateTime at) =>
        Latest(snapshot, processStage, dataType, at) ?? Latest(snapshot, null, null, at);

    private static Baseline? Latest(Snapshot snapshot, string? processStage, string? dataType, DateTime at) =>
        snapshot.Baselines
            .Where(b => b.ProcessStage == processStage && b.DataType == dataType && b.EffectiveFrom <= at)
            .OrderByDescending(b => b.EffectiveFrom).ThenByDescending(b => b.Version)
            .FirstOrDefault();

    /// <summary>The container disposes the singleton at shutdown.</summary>
    public void Dispose() => _reload.Dispose();
}
