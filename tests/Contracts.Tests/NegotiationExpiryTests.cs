using Marketplace.BuildingBlocks.IntegrationEvents;
using Marketplace.Contracts.Domain;
using Marketplace.Contracts.Infrastructure;
using Marketplace.Contracts.Negotiations;
using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;
using Microsoft.Extensions.Time.Testing;

namespace Marketplace.Contracts.Tests;

/// <summary>The expiry sweep as it runs in the service (a background loop on a <see cref="TimeProvider"/>), driven by a fake clock on a real SQLite database.</summary>
public sealed class NegotiationExpiryTests : IAsyncLifetime
{
    private readonly string _folder = Directory.CreateTempSubdirectory("marketplace-contracts-expiry-").FullName;
    private readonly FakeTimeProvider _clock = new(DomainFixtures.Start);
    private ServiceProvider _services = null!;

    public async Task InitializeAsync()
    {
        _services = new ServiceCollection()
            .AddDbContext<ContractsDb>(o => o.UseSqlite($"Data Source={Path.Combine(_folder, "contracts.db")}"))
            .BuildServiceProvider();
        await using var scope = _services.CreateAsyncScope();
        await scope.ServiceProvider.GetRequiredService<ContractsDb>().Database.EnsureCreatedAsync();
    }

    [Fact]
    public async Task Requests_and_offers_left_unanswered_for_the_response_period_end_as_terminated_with_an_event()
    {
        var request = DomainFixtures.In(NegotiationState.Requested, _clock.GetUtcNow().UtcDateTime);
        var offer = DomainFixtures.In(NegotiationState.Offered, _clock.GetUtcNow().UtcDateTime);
        var finalized = DomainFixtures.In(NegotiationState.Finalized, _clock.GetUtcNow().UtcDateTime);
        await using (var scope = _services.CreateAsyncScope())
        {
            var db = scope.ServiceProvider.GetRequiredService<ContractsDb>();
            db.Negotiations.AddRange(request, offer, finalized);
            await db.SaveChangesAsync();
        }

        var options = Options.Create(new ContractsOptions { ExpirySweepInterval = TimeSpan.FromHours(1) });
        using var expiry = new NegotiationExpiry(_services.GetRequiredService<IServiceScopeFactory>(), _clock, options, NullLogger<NegotiationExpiry>.Instance);
        await expiry.StartAsync(CancellationToken.None);

        // A day before the deadline, hour by hour: nothing expires.
        for (var hour = 0; hour < (13 * 24) - 1; hour++)
        {
            _clock.Advance(TimeSpan.FromHours(1));
        }

        // A sweep at this moment ends nothing (asked directly: no waiting for the background loop to have run).
        await using (var sweep = _services.CreateAsyncScope())
        {
            Assert.Equal(0, await EndNegotiations.ExpireOverdueAsync(sweep.ServiceProvider.GetRequiredService<ContractsDb>(), _clock.GetUtcNow().UtcDateTime, CancellationToken.None));
        }

        Assert.Equal(NegotiationState.Requested, (await LoadAsync(request.Id)).State);

        _clock.Advance(TimeSpan.FromDays(1) + TimeSpan.FromHours(1));
        await Eventually.HoldsAsync(async () => (await LoadAsync(request.Id)).State == NegotiationState.Terminated, TimeSpan.FromSeconds(10), "the request to expire");
        await expiry.StopAsync(CancellationToken.None);

        Assert.Equal(("expired", NegotiationState.Terminated), ((await LoadAsync(request.Id)).TerminationReason, (await LoadAsync(offer.Id)).State));
        Assert.Equal(NegotiationState.Finalized, (await LoadAsync(finalized.Id)).State);
        await using var check = _services.CreateAsyncScope();
        var events = await check.ServiceProvider.GetRequiredService<ContractsDb>().OutboxMessages.Where(m => m.Type.Contains(nameof(ContractTerminated))).ToListAsync();
        Assert.Equal(2, events.Count);
    }

    private async Task<Negotiation> LoadAsync(Guid id)
    {
        await using var scope = _services.CreateAsyncScope();
        return await scope.ServiceProvider.GetRequiredService<ContractsDb>().Negotiations.AsNoTracking().SingleAsync(n => n.Id == id);
    }

    public async Task DisposeAsync()
    {
        await _services.DisposeAsync();
        SqliteConnection.ClearAllPools();
        Directory.Delete(_folder, recursive: true);
    }
}
