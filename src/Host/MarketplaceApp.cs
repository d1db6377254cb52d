using Marketplace.BuildingBlocks.Hosting;
using Marketplace.BuildingBlocks.Messaging;
using Marketplace.BuildingBlocks.Security;
using Marketplace.BuildingBlocks.ServiceDefaults;
using Microsoft.Extensions.Configuration.Memory;

namespace Marketplace.Host;

/// <summary>Composes the modules of one target into a web application.</summary>
public static class MarketplaceApp
{
    /// <summary>Read once, when the process's first socket is made: runs socket continuations on the socket event threads (one per core then).</summary>
    private const string InlineSocketCompletions = "DOTNET_SYSTEM_NET_SOCKETS_INLINE_COMPLETIONS";

    public static WebApplication Build(string target, string[] args)
    {
        if (target == "gateway" && Environment.GetEnvironmentVariable(InlineSocketCompletions) is null)
        {
            // The gateway only forwards and does no blocking work: its continuations need not hop to the thread pool.
            // Measured on a cheap GET at 32 connections: 11 % more requests/s, 15 % less CPU each (docs/benchmarks.md).
            // Setting the variable to 0 turns it off.
            Environment.SetEnvironmentVariable(InlineSocketCompletions, "1");
        }

        // appsettings.json ships beside the binary; the data folder stays relative to where the user runs it.
        var builder = WebApplication.CreateBuilder(new WebApplicationOptions { Args = args, ContentRootPath = AppContext.BaseDirectory });
        // Mode defaults sit below every other source, so appsettings, environment and arguments override them.
        builder.Configuration.Sources.Insert(0, new MemoryConfigurationSource { InitialData = ModeDefaults(target) });
        builder.Configuration[HostingTarget.ConfigurationKey] = target;
        // Secrets as files, one per setting, named as environment variables are (Marketplace__Database__Postgres): what
        // compose secrets and Kubernetes Secret volumes mount. Above every other source; the folder is optional.
        builder.Configuration.AddKeyPerFile(builder.Configuration["Marketplace:SecretsFolder"] ?? "/run/secrets", optional: true);

        var modules = Modules.For(target);
        builder.AddServiceDefaults(new HostingTarget(target));
        foreach (var module in modules)
        {
            module.AddServices(builder);
        }

        if (modules.Any(m => m.OwnsData))
        {
            builder.AddMessageBus(
                bus =>
                {
                    foreach (var module in modules)
                    {
                        module.AddConsumers(bus);
                    }
                },
                addEveryConsumer: bus =>
                {
                    foreach (var module in Modules.All)
                    {
                        module.AddConsumers(bus);
                    }
                });
        }

        var app = builder.Build();
        app.UseServiceDefaults();
        foreach (var module in modules)
        {
            module.UsePublicMiddleware(app);
        }

        app.UseAuthentication();
        // Tokens of organisations an administrator has since rejected or suspended: 403 in every module.
        BarredOrganisations.UseBarredOrganisations(app);
        foreach (var module in modules)
        {
            module.UseEdgeMiddleware(app);
        }

        // Deny by default: everything after this needs a signed-in caller unless marked anonymous.
        app.UseUnmatchedRequestAnswers();
        app.UseAuthorization();
        app.MapHealthEndpoints();
        if (modules.Any(m => m.OwnsData))
        {
            app.MapOpenApiDocuments();
        }

        foreach (var module in modules)
        {
            module.MapEndpoints(app);
        }

        app.Lifetime.ApplicationStarted.Register(() => AnnounceAddresses(app, target));
        return app;
    }

    /// <summary>All-in-one runs on embedded parts; a single target is a microservice on real infrastructure.</summary>
    private static Dictionary<string, string?> ModeDefaults(string target) => target == HostingTarget.All
        ? new()
        {
            ["Marketplace:Database:Provider"] = "Sqlite",
            ["Marketplace:Bus:Transport"] = "InMemory",
            ["Marketplace:Demo:Seed"] = "true",
        }
        : target == "gateway"
        ? new()
        {
            ["Marketplace:Database:Provider"] = "Postgres",
            ["Marketplace:Bus:Transport"] = "RabbitMq",
        }
        : new()
        {
            ["Marketplace:Database:Provider"] = "Postgres",
            ["Marketplace:Bus:Transport"] = "RabbitMq",
            // A service behind the gateway believes the client address the gateway forwards (on loopback here).
            ["Marketplace:TrustedProxies:0"] = "127.0.0.1",
            ["Marketplace:TrustedProxies:1"] = "::1",
        };

    private static void AnnounceAddresses(WebApplication app, string target)
    {
        foreach (var url in app.Urls)
        {
            Console.WriteLine(target switch
            {
                HostingTarget.All => $"Marketplace ({target}) is ready: {url}/ (console), {url}/swagger (API)",
                "gateway" => $"Marketplace ({target}) is ready: {url}/swagger",
                _ => $"Marketplace ({target}) is ready: {url}",
            });
        }
    }
}
