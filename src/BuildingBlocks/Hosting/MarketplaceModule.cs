using MassTransit;
using Microsoft.AspNetCore.Builder;

namespace Marketplace.BuildingBlocks.Hosting;

/// <summary>
/// One deployable part of the marketplace. The host composes one or all of them into a process,
/// which is why a module describes its wiring here instead of owning a Program.cs.
/// </summary>
public abstract class MarketplaceModule
{
    /// <summary>Lower-case name used for the target, the route prefix, the OpenAPI document and the database.</summary>
    public abstract string Name { get; }

    /// <summary>
    /// A module that owns data (a <see cref="DataModule{TDb}"/>) has a database, an OpenAPI document and takes part in
    /// the message bus; a process with none of them (the gateway alone) has neither a bus nor documents to serve.
    /// </summary>
    public virtual bool OwnsData => false;

    public abstract void AddServices(WebApplicationBuilder builder);

    public virtual void AddConsumers(IBusRegistrationConfigurator bus)
    {
    }

    /// <summary>Middleware that serves public content (such as the Swagger UI) before authorisation applies.</summary>
    public virtual void UsePublicMiddleware(WebApplication app)
    {
    }

    /// <summary>Middleware that needs the caller's identity but runs before authorisation (rate limits, timeouts).</summary>
    public virtual void UseEdgeMiddleware(WebApplication app)
    {
    }

    public virtual void MapEndpoints(WebApplication app)
    {
    }
}
