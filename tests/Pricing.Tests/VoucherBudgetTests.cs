using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Marketplace.BuildingBlocks.IntegrationEvents;
using MassTransit;

namespace Marketplace.Pricing.Tests;

/// <summary>Voucher reservations under concurrent finalizations, microservices mode on PostgreSQL and RabbitMQ.</summary>
public sealed class VoucherBudgetTests : IAsyncLifetime
{
    private MicroservicesCluster _cluster = null!;

    public async Task InitializeAsync() => _cluster = await MicroservicesCluster.StartAsync();

    public async Task DisposeAsync() => await _cluster.DisposeAsync();

    [Fact]
    public async Task Fifty_concurrent_finalizations_never_overspend_and_reserve_once_per_agreement()
    {
        using var admin = await Tokens.SignedInAsync(_cluster.Gateway.BaseAddress!, MicroservicesCluster.AdminClientId, MicroservicesCluster.AdminClientSecret);
        var now = DateTime.UtcNow;
        var created = await admin.PostAsJsonAsync("/api/pricing/vouchers", new
        {
            name = "Budget race", forSmes = true, subsidyPercent = 50, capPerAgreementKrw = 1_000_000, budgetKrw = 20_500_000,
            validFrom = now.AddMinutes(-1), validTo = now.AddDays(1),
        });
        var programme = await PricingApi.ExpectAsync(created, HttpStatusCode.Created);
        var programmeUrl = $"/api/pricing/vouchers/{programme.GetProperty("id").GetGuid()}";

        // 50 agreements of SME buyers at 3,000,000 KRW: 50 % is capped at 1,000,000 each, so the budget of
        // 20,500,000 covers 20 in full, the 21st gets the remaining 500,000, and the rest nothing.
        var agreements = Enumerable.Range(0, 50).Select(_ => new ContractFinalized(
            Guid.NewGuid(), Guid.NewGuid(), 1, Guid.NewGuid(), Guid.NewGuid(), BuyerIsSme: true, "quality", "image-video",
            Guid.NewGuid(), 1, PriceKrw: 3_000_000m, BasePriceKrw: 2_000_000m, ReferencePriceKrw: 3_000_000m, BandFloorKrw: 2_100_000m,
            BandCeilingKrw: 4_500_000m, "research", 12, false, now)).ToList();
        var messageIds = agreements.Select(_ => NewId.NextGuid()).ToList();

        var bus = Bus.Factory.CreateUsingRabbitMq(cfg => cfg.Host(new Uri(_cluster.RabbitMqUri)));
        await bus.StartAsync();
        try
        {
            // Every event at once, and the first ten twice (the broker delivers at least once).
            await Task.WhenAll(agreements.Select((a, i) => bus.Publish(a, c => c.MessageId = messageIds[i]))
                .Concat(agreements.Take(10).Select((a, i) => bus.Publish(a, c => c.MessageId = messageIds[i]))));
        }
        finally
        {
            await bus.StopAsync();
        }

        var pricing = _cluster.ConnectionString("pricing");
        await Eventually.HoldsAsync(async () => await Sql.CountAsync(pricing,
            "SELECT count(*) FROM inbox_messages WHERE consumer = 'ReserveVoucherSubsidyConsumer'") == 50, TimeSpan.FromSeconds(60), "all 50 finalizations to be handled");

        var state = await admin.GetFromJsonAsync<JsonElement>(programmeUrl);
        Assert.Equal(20_500_000m, state.GetProperty("reservedKrw").GetDecimal());
        Assert.Equal(0m, state.GetProperty("remainingKrw").GetDecimal());
        Assert.Equal(21, state.GetProperty("reservations").GetInt32());
        Assert.Equal(21, await Sql.CountAsync(pricing, "SELECT count(DISTINCT agreement_id) FROM voucher_reservations"));
        Assert.Equal(20_500_000, await Sql.CountAsync(pricing, "SELECT sum(amount_krw) FROM voucher_reservations"));
        Assert.Equal(1, await Sql.CountAsync(pricing, "SELECT count(*) FROM voucher_reservations WHERE amount_krw = 500000"));

        // The same events fed the statistics: one category, 50 agreements, 2,000,000 per reference unit.
        await Eventually.HoldsAsync(async () => await Sql.CountAsync(pricing, "SELECT count(*) FROM agreements") == 50, TimeSpan.FromSeconds(30), "50 agreements recorded");
        var statistics = await admin.GetFromJsonAsync<JsonElement>("/api/pricing/statistics");
        var category = Assert.Single(statistics.EnumerateArray());
        Assert.Equal(50, category.GetProperty("agreements").GetInt32());
        Assert.Equal(2_000_000m, category.GetProperty("median").GetDecimal());
    }
}
