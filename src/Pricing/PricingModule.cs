using Marketplace.BuildingBlocks.Hosting;
using Marketplace.BuildingBlocks.Messaging;
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

    protected override void AddModuleServices(WebApplicationBuilder builder)
    {
        builder.Services.AddSingleton<PriceListCache>();
        builder.Services.AddHostedService<PricingSeeder>();
    }

    protected override void AddModuleConsumers(IBusRegistrationConfigurator bus)
    {
        bus.AddModuleConsumer<ListPublishedDatasetConsumer>(ModuleName);
        bus.AddModuleConsumer<ListUpdatedDatasetConsumer>(ModuleName);
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
