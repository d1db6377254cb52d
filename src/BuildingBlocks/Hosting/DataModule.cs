using Marketplace.BuildingBlocks.Persistence;
using Marketplace.BuildingBlocks.ServiceDefaults;
using Microsoft.AspNetCore.Builder;

namespace Marketplace.BuildingBlocks.Hosting;

/// <summary>A module that owns a database (with its outbox and inbox) and an OpenAPI document.</summary>
public abstract class DataModule<TDb> : MarketplaceModule where TDb : ModuleDbContext
{
    public sealed override void AddServices(WebApplicationBuilder builder)
    {
        builder.AddModuleDbContext<TDb>(Name);
        builder.Services.AddModuleOpenApi(Name);
        AddModuleServices(builder);
    }

    /// <summary>Services of the module beyond its database and document.</summary>
    protected virtual void AddModuleServices(WebApplicationBuilder builder)
    {
    }
}
