using Marketplace.BuildingBlocks.Hosting;
using Marketplace.BuildingBlocks.Messaging;
using Marketplace.Contracts.Apis;
using Marketplace.Contracts.Infrastructure;
using Marketplace.Contracts.IntegrationEvents;
using MassTransit;
using Microsoft.AspNetCore.Builder;

namespace Marketplace.Contracts;

/// <summary>Contract brokering between buyers and providers (not a folder of message contracts).</summary>
public sealed class ContractsModule : DataModule<ContractsDb>
{
    public const string ModuleName = "contracts";

    public override string Name => ModuleName;

    public override void AddConsumers(IBusRegistrationConfigurator bus)
    {
        bus.AddModuleConsumer<UpsertDatasetReadModelConsumer>(ModuleName);
        bus.AddModuleConsumer<UpdateDatasetReadModelConsumer>(ModuleName);
    }

    public override void MapEndpoints(WebApplication app) => app.MapDatasetsApi();
}
