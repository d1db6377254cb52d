using Marketplace.BuildingBlocks.Hosting;
using Marketplace.BuildingBlocks.Messaging;
using Marketplace.BuildingBlocks.Security;
using Marketplace.BuildingBlocks.ServiceDefaults;
using Microsoft.AspNetCore.Builder;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Npgsql;

namespace Marketplace.BuildingBlocks.Persistence;

public static class PersistenceExtensions
{
    /// <summary>
    /// Registers a module's DbContext on the configured provider, its schema initialisation at start-up,
    /// its readiness check and its outbox dispatcher.
    /// </summary>
    public static WebApplicationBuilder AddModuleDbContext<TDb>(this WebApplicationBuilder builder, string module)
        where TDb : ModuleDbContext
    {
        var options = builder.Configuration.GetMarketplaceOptions();
        var provider = options.Database.Provider;
        var connectionString = ConnectionString(builder.Configuration, options, module);

        builder.Services.AddSingleton<OutboxSignal<TDb>>();
        builder.Services.AddSingleton<OutboxSignalInterceptor<TDb>>();
        builder.Services.AddDbContext<TDb>((sp, db) =>
        {
            _ = provider switch
            {
                DatabaseProvider.Postgres => db.UseNpgsql(connectionString),
                DatabaseProvider.Sqlite => db.UseSqlite(connectionString),
                _ => throw new InvalidOperationException($"Unknown database provider '{provider}'."),
            };
            db.AddInterceptors(sp.GetRequiredService<OutboxSignalInterceptor<TDb>>());
        });

        // Registered before the dispatcher so the schema exists before anything reads it.
        builder.Services.AddHostedService(sp => new DatabaseInitializer<TDb>(sp, provider));
        builder.Services.AddHostedService<BarredOrganisationsLoader<TDb>>();
        builder.Services.AddHostedService<OutboxDispatcher<TDb>>();
        builder.Services.AddHealthChecks().AddDbContextCheck<TDb>($"{module}-database", tags: [ServiceDefaultsExtensions.ReadyTag]);
        return builder;
    }

    public static string ConnectionString(IConfiguration configuration, MarketplaceOptions options, string module) =>
        options.Database.Provider == DatabaseProvider.Postgres
            ? PostgresConnectionString(configuration, options, module)
            : configuration.GetConnectionString(module) is { } configured && !string.IsNullOrWhiteSpace(configured)
                ? configured
                : $"Data Source={Path.Combine(Path.GetFullPath(options.DataFolder), $"{module}.db")}";

    /// <summary>
    /// The PostgreSQL database of a module (or of the console's sessions): <c>ConnectionStrings:{name}</c>, else
    /// <c>marketplace_{name}</c> on the server of <c>Marketplace:Database:Postgres</c>.
    /// </summary>
    public static string PostgresConnectionString(IConfiguration configuration, MarketplaceOptions options, string name) =>
        configuration.GetConnectionString(name) is { } configured && !string.IsNullOrWhiteSpace(configured)
            ? configured
            : new NpgsqlConnectionStringBuilder(options.Database.Postgres) { Database = $"marketplace_{name}" }.ConnectionString;
}
