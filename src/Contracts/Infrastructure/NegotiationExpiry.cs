using Marketplace.Contracts.Domain;
using Marketplace.Contracts.IntegrationEvents;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace Marketplace.Contracts.Infrastructure;

/// <summary>
/// Ends negotiations whose party did not act within the response period (a request the provider did
/// not answer, an offer the buyer did not answer, and so on): every <see cref="ContractsOptions.ExpirySweepInterval"/>,
/// and also when someone acts on an overdue negotiation. Time comes from <see cref="TimeProvider"/>.
/// </summary>
public sealed class NegotiationExpiry(IServiceScopeFactory scopes, TimeProvider clock, IOptions<ContractsOptions> options, ILogger<NegotiationExpiry> logger)
    : BackgroundService
{
    /// <summary>Expires every overdue negotiation, a batch per transaction; returns how many ended.</summary>
    public static async Task<int> SweepAsync(ContractsDb db, DateTime now, CancellationToken ct)
    {
        var ended = 0;
        while (true)
        {
            var due = await db.Negotiations.Where(n => n.DueAt != null && n.DueAt <= now).OrderBy(n => n.DueAt).Take(100).ToListAsync(ct);
            foreach (var n in due.Where(n => n.ExpireIfDue(now)))
            {
                await RecordAsync(db, n, now, ct);
                ended++;
            }

            await db.SaveChangesAsync(ct);
            db.ChangeTracker.Clear();
            if (due.Count < 100)
            {
                return ended;
            }
        }
    }

    /// <summary>What an ended negotiation leaves behind: its draft agreement terminated, and the event.</summary>
    public static async Task RecordAsync(ContractsDb db, Negotiation n, DateTime now, CancellationToken ct)
    {
        var agreement = n.AgreementId is { } id ? await db.Agreements.FirstAsync(a => a.Id == id, ct) : null;
        agreement?.Terminate("platform", n.TerminationReason!, now);
        db.AddEvent(NegotiationEvents.Terminated(n, agreement, "platform", n.TerminationReason!, now));
    }

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        using var timer = new PeriodicTimer(options.Value.ExpirySweepInterval, clock);
        do
        {
            try
            {
                await using var scope = scopes.CreateAsyncScope();
                var ended = await SweepAsync(scope.ServiceProvider.GetRequiredService<ContractsDb>(), clock.GetUtcNow().UtcDateTime, stoppingToken);
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
