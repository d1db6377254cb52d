using Marketplace.BuildingBlocks.Messaging;
using Marketplace.BuildingBlocks.Organisations;
using Marketplace.BuildingBlocks.Persistence;
using Marketplace.BuildingBlocks.Security;
using Marketplace.BuildingBlocks.ServiceDefaults;
using MassTransit;
using Microsoft.AspNetCore.Builder;

namespace Marketplace.BuildingBlocks.Hosting;

/// <summary>A module that owns a database (with its outbox and inbox) and an OpenAPI document.</summary>
public abstract class DataModule<TDb> : MarketplaceModule where TDb : ModuleDbContext
{
    public sealed override bool OwnsData => true;

    public sealed override void AddServices(WebApplicationBuilder builder)
    {
        builder.AddModuleDbContext<TDb>(Name);
        builder.Services.AddModuleOpenApi(Name, Document);
        AddModuleServices(builder);
    }

    /// <summary>The module's OpenAPI document: title, purpose and a description of every tag its endpoints use.</summary>
    protected abstract ApiDocument Document { get; }

    /// <summary>Every module keeps who is barred and what organisations are called, then its own consumers.</summary>
    public sealed override void AddConsumers(IBusRegistrationConfigurator bus)
    {
        bus.AddModuleConsumer<KeepBarredOrganisationsConsumer<TDb>>(Name);
        bus.AddModuleConsumer<KeepOrganisationNamesConsumer<TDb>>(Name);
        AddModuleConsumers(bus);
    }

    /// <summary>The module's own consumers of other modules' events.</summary>
    protected virtual void AddModuleConsumers(IBusRegistrationConfigurator bus)
    {
    }

    /// <summary>Services of the module beyond its database and document.</summary>
    protected virtual void AddModuleServices(WebApplicationBuilder builder)
    {
    }
}
