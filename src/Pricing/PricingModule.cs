using Marketplace.BuildingBlocks.Hosting;
using Marketplace.BuildingBlocks.Messaging;
using Marketplace.BuildingBlocks.ServiceDefaults;
using Marketplace.Pricing.Apis;
using Marketplace.Pricing.Infrastructure;
using Marketplace.Pricing.IntegrationEvents;
using MassTransit;
using Microsoft.AspNetCore.Builder;
using Microsoft.Extensions.DependencyInjection;

namespace Marketplace.Pricing;

/// <summary>Baselines, price bands, explained quotes, vouchers and market statistics.</summary>
public sealed class PricingModule : DataModule<PricingDb>
{
    public const string ModuleName = "pricing";

    public override string Name => ModuleName;

    protected override ApiDocument Document => new(
        "Marketplace Pricing",
        "Baseline price bands that administrators set per process stage and data type, quotes for a dataset and terms, SME voucher programmes and market statistics.",
        new Dictionary<string, string>
        {
            ["Baselines"] = "Administrators draft, publish and retire baseline prices and their factors; a published baseline sets every band of its category.",
            ["Quotes"] = "A dataset's reference price, band and fees for a purpose, duration and exclusivity, with the voucher that would apply.",
            ["Vouchers"] = "Subsidy programmes for SME buyers: budget, cap per agreement, eligibility and reservations.",
            ["Statistics"] = "Agreed prices per category against their bands, for recalibrating baselines.",
        });

    protected override void AddModuleServices(WebApplicationBuilder builder)
    {
        builder.Services.AddSingleton<PriceListCache>();
        builder.Services.AddHostedService<PricingSeeder>();
    }

    protected override void AddModuleConsumers(IBusRegistrationConfigurator bus)
    {
        bus.AddModuleConsumer<CopyPublishedDatasetConsumer>(ModuleName);
        bus.AddModuleConsumer<CopyUpdatedDatasetConsumer>(ModuleName);
        bus.AddModuleConsumer<UnlistWithdrawnDatasetConsumer>(ModuleName);
        bus.AddModuleConsumer<UnlistSuspendedDatasetConsumer>(ModuleName);
        bus.AddModuleConsumer<ReserveVoucherSubsidyConsumer>(ModuleName);
        bus.AddModuleConsumer<RecordAgreementConsumer>(ModuleName);
    }

    public override void MapEndpoints(WebApplication app)
    {
        app.MapBaselinesApi();
        app.MapQuotesApi();
        app.MapVouchersApi();
        app.MapStatisticsApi();
    }
}
