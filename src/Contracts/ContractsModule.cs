using Marketplace.BuildingBlocks.Hosting;
using Marketplace.BuildingBlocks.Messaging;
using Marketplace.BuildingBlocks.Persistence;
using Marketplace.BuildingBlocks.ServiceDefaults;
using Marketplace.Contracts.Apis;
using Marketplace.Contracts.Infrastructure;
using Marketplace.Contracts.IntegrationEvents;
using MassTransit;
using Microsoft.AspNetCore.Builder;

namespace Marketplace.Contracts;

/// <summary>Contract brokering between buyers and providers (not a folder of message contracts).</summary>
public sealed class ContractsModule : MarketplaceModule
{
    public const string ModuleName = "contracts";

    public override string Name => ModuleName;

    public override void AddServices(WebApplicationBuilder builder)
    {
        builder.AddModuleDbContext<ContractsDb>(ModuleName);
        builder.Services.AddModuleOpenApi(ModuleName);
    }

    public override void AddConsumers(IBusRegistrationConfigurator bus) =>
        bus.AddModuleConsumer<UpsertDatasetReadModelConsumer>(ModuleName);

    public override void MapEndpoints(WebApplication app) => app.MapDatasetsApi();
}
